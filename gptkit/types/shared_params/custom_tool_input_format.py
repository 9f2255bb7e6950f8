"""``CustomToolInputFormat``: what a custom tool takes, as a request parameter."""

from __future__ import annotations

from typing import Literal, TypeAlias

from pydantic import with_config
from typing_extensions import Required, TypedDict

from gptkit.types._base import OPEN_PARAMS

__all__ = ["CustomToolInputFormat", "Grammar", "Text"]


@with_config(OPEN_PARAMS)
class Text(TypedDict, total=False):
    """Unconstrained text."""

    type: Required[Literal["text"]]


@with_config(OPEN_PARAMS)
class Grammar(TypedDict, total=False):
    """Text matching a ``lark`` or ``regex`` grammar."""

    definition: Required[str]
    syntax: Required[Literal["lark", "regex"]]
    type: Required[Literal["grammar"]]


CustomToolInputFormat: TypeAlias = Text | Grammar
