"""The parameters of ``conversations.items.create``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Annotated, Any

from pydantic import ConfigDict, Field, with_config
from typing_extensions import Required, TypedDict

__all__ = ["ItemCreateParams"]


@with_config(ConfigDict(extra="forbid"))
class ItemCreateParams(TypedDict, total=False):
    """The items to add (1 to 20, shaped as ``responses.create`` input items)."""

    items: Required[Annotated[Sequence[Mapping[str, Any]], Field(min_length=1, max_length=20)]]
