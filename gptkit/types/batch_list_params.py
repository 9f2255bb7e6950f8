"""The parameters of ``batches.list``."""

from __future__ import annotations

from typing_extensions import TypedDict

__all__ = ["BatchListParams"]


class BatchListParams(TypedDict, total=False):
    """A page of batches: ``after`` a batch id, at most ``limit``."""

    after: str
    limit: int
