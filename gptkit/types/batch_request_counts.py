"""``BatchRequestCounts``: how many requests of a batch are done, and how many failed."""

from __future__ import annotations

from gptkit.types._base import APIObject

__all__ = ["BatchRequestCounts"]


class BatchRequestCounts(APIObject):
    """Completed, failed and total request counts."""

    completed: int = 0
    failed: int = 0
    total: int = 0
