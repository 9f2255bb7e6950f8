"""``ChatCompletionMessageToolCallParam``: a function call in an assistant message (the older name
of ``ChatCompletionMessageFunctionToolCallParam``, with the same keys)."""

from __future__ import annotations

from typing import Literal

from pydantic import with_config
from typing_extensions import Required, TypedDict

from gptkit.types._base import OPEN_PARAMS
from gptkit.types.chat.chat_completion_message_function_tool_call_param import Function

__all__ = ["ChatCompletionMessageToolCallParam", "Function"]


@with_config(OPEN_PARAMS)
class ChatCompletionMessageToolCallParam(TypedDict, total=False):
    """``{"id": ..., "type": "function", "function": {"name": ..., "arguments": ...}}``."""

    id: Required[str]
    function: Required[Function]
    type: Required[Literal["function"]]
