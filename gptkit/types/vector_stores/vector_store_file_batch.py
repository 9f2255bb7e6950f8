"""A batch of files being added to a vector store."""

from __future__ import annotations

from gptkit.types._base import ResponseObject
from gptkit.types.vector_store import FileCounts

__all__ = ["FileCounts", "VectorStoreFileBatch"]


class VectorStoreFileBatch(ResponseObject):
    """The batch's status and how many of its files are in each state."""

    id: str
    created_at: int | None = None
    file_counts: FileCounts | None = None
    object: str = "vector_store.files_batch"
    status: str | None = None
    vector_store_id: str | None = None
