"""``CompoundFilter``: filters combined with ``and`` / ``or``, as a request parameter."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal, TypeAlias

from pydantic import with_config
from typing_extensions import Required, TypedDict

from gptkit.types._base import OPEN_PARAMS
from gptkit.types.shared_params.comparison_filter import ComparisonFilter

__all__ = ["CompoundFilter", "Filter"]

Filter: TypeAlias = ComparisonFilter | Any


@with_config(OPEN_PARAMS)
class CompoundFilter(TypedDict, total=False):
    """``filters`` combined by ``type``."""

    filters: Required[Iterable[Filter]]
    type: Required[Literal["and", "or"]]
