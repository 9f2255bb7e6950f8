"""``ChatCompletionNamedToolChoiceParam``: make the model call this function."""

from __future__ import annotations

from typing import Literal

from pydantic import with_config
from typing_extensions import Required, TypedDict

from gptkit.types._base import OPEN_PARAMS

__all__ = ["ChatCompletionNamedToolChoiceParam", "Function"]


@with_config(OPEN_PARAMS)
class Function(TypedDict, total=False):
    """The function's ``name``."""

    name: Required[str]


@with_config(OPEN_PARAMS)
class ChatCompletionNamedToolChoiceParam(TypedDict, total=False):
    """``{"type": "function", "function": {"name": ...}}``."""

    function: Required[Function]
    type: Required[Literal["function"]]
