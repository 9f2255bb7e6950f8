"""A file in a vector store: its processing status and attributes."""

from __future__ import annotations

from gptkit.types._base import APIObject, ResponseObject
from gptkit.types.file_chunking_strategy import FileChunkingStrategy

__all__ = ["LastError", "VectorStoreFile"]


class LastError(APIObject):
    """Why the file could not be processed."""

    code: str | None = None
    message: str | None = None


class VectorStoreFile(ResponseObject):
    """A file of a vector store (``status``: ``in_progress``, ``completed``, ``cancelled``, ``failed``)."""

    id: str
    created_at: int | None = None
    last_error: LastError | None = None
    object: str = "vector_store.file"
    status: str | None = None
    usage_bytes: int | None = None
    vector_store_id: str | None = None
    attributes: dict[str, str | float | bool] | None = None
    chunking_strategy: FileChunkingStrategy | None = None
