"""The parameters of ``vector_stores.list``."""

from __future__ import annotations

from typing_extensions import TypedDict

__all__ = ["VectorStoreListParams"]


class VectorStoreListParams(TypedDict, total=False):
    """Page with ``after`` / ``before`` and ``limit`` (1 to 100), ``order`` asc or desc."""

    after: str
    before: str
    limit: int
    order: str
