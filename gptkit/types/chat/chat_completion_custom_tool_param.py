"""``ChatCompletionCustomToolParam``: a custom tool, whose input is free text or a grammar."""

from __future__ import annotations

from typing import Annotated, Literal, TypeAlias

from pydantic import Field, with_config
from typing_extensions import Required, TypedDict

from gptkit.types._base import OPEN_PARAMS

__all__ = [
    "ChatCompletionCustomToolParam",
    "Custom",
    "CustomFormat",
    "CustomFormatGrammar",
    "CustomFormatGrammarGrammar",
    "CustomFormatText",
]


@with_config(OPEN_PARAMS)
class CustomFormatText(TypedDict, total=False):
    """Unconstrained text input."""

    type: Required[Literal["text"]]


@with_config(OPEN_PARAMS)
class CustomFormatGrammarGrammar(TypedDict, total=False):
    """The grammar's ``definition`` in ``lark`` or ``regex`` ``syntax``."""

    definition: Required[str]
    syntax: Required[Literal["lark", "regex"]]


@with_config(OPEN_PARAMS)
class CustomFormatGrammar(TypedDict, total=False):
    """Input that matches a grammar."""

    grammar: Required[CustomFormatGrammarGrammar]
    type: Required[Literal["grammar"]]


CustomFormat: TypeAlias = Annotated[CustomFormatText | CustomFormatGrammar, Field(discriminator="type")]


@with_config(OPEN_PARAMS)
class Custom(TypedDict, total=False):
    """The custom tool's ``name``, ``description`` and input ``format``."""

    name: Required[str]
    description: str
    format: CustomFormat


@with_config(OPEN_PARAMS)
class ChatCompletionCustomToolParam(TypedDict, total=False):
    """``{"type": "custom", "custom": {"name": ...}}``."""

    custom: Required[Custom]
    type: Required[Literal["custom"]]
