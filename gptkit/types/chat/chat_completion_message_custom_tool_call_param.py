"""``ChatCompletionMessageCustomToolCallParam``: a custom-tool call in an assistant message."""

from __future__ import annotations

from typing import Literal

from pydantic import with_config
from typing_extensions import Required, TypedDict

from gptkit.types._base import OPEN_PARAMS

__all__ = ["ChatCompletionMessageCustomToolCallParam", "Custom"]


@with_config(OPEN_PARAMS)
class Custom(TypedDict, total=False):
    """The custom tool's ``name`` and the ``input`` the model wrote for it."""

    input: Required[str]
    name: Required[str]


@with_config(OPEN_PARAMS)
class ChatCompletionMessageCustomToolCallParam(TypedDict, total=False):
    """``{"id": ..., "type": "custom", "custom": {"name": ..., "input": ...}}``."""

    id: Required[str]
    custom: Required[Custom]
    type: Required[Literal["custom"]]
