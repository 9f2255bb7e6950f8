"""``CompoundFilter``: combine filters with ``and`` / ``or``."""

from __future__ import annotations

from typing import Any, TypeAlias

from gptkit.types._base import APIObject
from gptkit.types.shared.comparison_filter import ComparisonFilter

__all__ = ["CompoundFilter", "Filter"]

#: A comparison, or a nested compound filter (kept as sent).
Filter: TypeAlias = ComparisonFilter | Any


class CompoundFilter(APIObject):
    """Filters combined by ``type`` (``and`` or ``or``)."""

    filters: list[Filter]
    type: str
