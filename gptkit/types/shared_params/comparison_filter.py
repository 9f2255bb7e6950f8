"""``ComparisonFilter``: compare one attribute with a value, as a request parameter."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from pydantic import with_config
from typing_extensions import Required, TypedDict

from gptkit.types._base import OPEN_PARAMS

__all__ = ["ComparisonFilter"]


@with_config(OPEN_PARAMS)
class ComparisonFilter(TypedDict, total=False):
    """``key`` compared with ``value`` by ``type``."""

    key: Required[str]
    type: Required[Literal["eq", "ne", "gt", "gte", "lt", "lte", "in", "nin"]]
    value: Required[str | float | bool | Sequence[str | float]]
