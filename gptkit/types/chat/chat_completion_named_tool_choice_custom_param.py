"""``ChatCompletionNamedToolChoiceCustomParam``: make the model call this custom tool."""

from __future__ import annotations

from typing import Literal

from pydantic import with_config
from typing_extensions import Required, TypedDict

from gptkit.types._base import OPEN_PARAMS

__all__ = ["ChatCompletionNamedToolChoiceCustomParam", "Custom"]


@with_config(OPEN_PARAMS)
class Custom(TypedDict, total=False):
    """The custom tool's ``name``."""

    name: Required[str]


@with_config(OPEN_PARAMS)
class ChatCompletionNamedToolChoiceCustomParam(TypedDict, total=False):
    """``{"type": "custom", "custom": {"name": ...}}``."""

    custom: Required[Custom]
    type: Required[Literal["custom"]]
