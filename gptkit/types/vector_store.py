"""A vector store: files chunked and embedded for ``file_search`` and ``vector_stores.search``."""

from __future__ import annotations

from gptkit.types._base import APIObject, ResponseObject

__all__ = ["ExpiresAfter", "FileCounts", "VectorStore"]


class FileCounts(APIObject):
    """How many of the store's files are in each state."""

    cancelled: int = 0
    completed: int = 0
    failed: int = 0
    in_progress: int = 0
    total: int = 0


class ExpiresAfter(APIObject):
    """The store expires ``days`` after ``anchor`` (``last_active_at``)."""

    anchor: str | None = None
    days: int | None = None


class VectorStore(ResponseObject):
    """A vector store (``status``: ``in_progress``, ``completed`` or ``expired``)."""

    id: str
    created_at: int | None = None
    file_counts: FileCounts | None = None
    last_active_at: int | None = None
    metadata: dict[str, str] | None = None
    name: str | None = None
    object: str = "vector_store"
    status: str | None = None
    usage_bytes: int | None = None
    expires_after: ExpiresAfter | None = None
    expires_at: int | None = None
