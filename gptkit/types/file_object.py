"""``FileObject``: a file uploaded to the provider (``purpose="batch"`` for Batch API inputs)."""

from __future__ import annotations

from gptkit.types._base import ResponseObject

__all__ = ["FileObject"]


class FileObject(ResponseObject):
    """An uploaded file: its id, size, name, purpose and processing status."""

    id: str
    bytes: int | None = None
    created_at: int | None = None
    filename: str | None = None
    object: str = "file"
    purpose: str | None = None
    status: str | None = None
    expires_at: int | None = None
    status_details: str | None = None
