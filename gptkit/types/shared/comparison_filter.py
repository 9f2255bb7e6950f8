"""``ComparisonFilter``: compare one attribute with a value (file search filters)."""

from __future__ import annotations

from gptkit.types._base import APIObject

__all__ = ["ComparisonFilter"]


class ComparisonFilter(APIObject):
    """``key`` compared with ``value`` by ``type``: ``eq``, ``ne``, ``gt``, ``gte``, ``lt``,
    ``lte``, ``in`` or ``nin``."""

    key: str
    type: str
    value: str | float | bool | list[str | float]
