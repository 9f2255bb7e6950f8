"""An upload: a large file sent in parts (``uploads.create`` / ``parts.create`` / ``complete``)."""

from __future__ import annotations

from gptkit.types._base import ResponseObject
from gptkit.types.file_object import FileObject

__all__ = ["Upload"]


class Upload(ResponseObject):
    """An upload (``status``: ``pending``, ``completed``, ``cancelled`` or ``expired``); once
    completed, ``file`` is the file it made, usable like any uploaded file."""

    id: str
    bytes: int | None = None
    created_at: int | None = None
    expires_at: int | None = None
    filename: str | None = None
    object: str = "upload"
    purpose: str | None = None
    status: str | None = None
    file: FileObject | None = None
