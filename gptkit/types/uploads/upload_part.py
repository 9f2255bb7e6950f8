"""One part of an upload."""

from __future__ import annotations

from gptkit.types._base import ResponseObject

__all__ = ["UploadPart"]


class UploadPart(ResponseObject):
    """A part added to ``upload_id`` (name it in ``uploads.complete(part_ids=...)``)."""

    id: str
    created_at: int | None = None
    object: str = "upload.part"
    upload_id: str | None = None
