"""``ChatCompletionMessageFunctionToolCallParam``: a function call in an assistant message."""

from __future__ import annotations

from typing import Literal

from pydantic import with_config
from typing_extensions import Required, TypedDict

from gptkit.types._base import OPEN_PARAMS

__all__ = ["ChatCompletionMessageFunctionToolCallParam", "Function"]


@with_config(OPEN_PARAMS)
class Function(TypedDict, total=False):
    """The function's ``name`` and its ``arguments`` as a JSON string."""

    arguments: Required[str]
    name: Required[str]


@with_config(OPEN_PARAMS)
class ChatCompletionMessageFunctionToolCallParam(TypedDict, total=False):
    """``{"id": ..., "type": "function", "function": {"name": ..., "arguments": ...}}``."""

    id: Required[str]
    function: Required[Function]
    type: Required[Literal["function"]]
