"""The answer of ``vector_stores.files.delete`` (the file itself stays in ``client.files``)."""

from __future__ import annotations

from gptkit.types._base import ResponseObject

__all__ = ["VectorStoreFileDeleted"]


class VectorStoreFileDeleted(ResponseObject):
    """Which file was removed from the store."""

    id: str
    deleted: bool = False
    object: str = "vector_store.file.deleted"
