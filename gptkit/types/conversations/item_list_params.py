"""The parameters of ``conversations.items.list``."""

from __future__ import annotations

from collections.abc import Sequence

from typing_extensions import TypedDict

__all__ = ["ItemListParams"]


class ItemListParams(TypedDict, total=False):
    """Page with ``after`` and ``limit`` (1 to 100), oldest or newest first (``order``)."""

    after: str
    include: Sequence[str]
    limit: int
    order: str
