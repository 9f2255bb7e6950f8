"""The answer of ``vector_stores.delete``."""

from __future__ import annotations

from gptkit.types._base import ResponseObject

__all__ = ["VectorStoreDeleted"]


class VectorStoreDeleted(ResponseObject):
    """Which store was deleted."""

    id: str
    deleted: bool = False
    object: str = "vector_store.deleted"
