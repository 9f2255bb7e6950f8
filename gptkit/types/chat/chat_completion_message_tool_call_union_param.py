"""``ChatCompletionMessageToolCallUnionParam``: a tool call of either kind, as a parameter."""

from __future__ import annotations

from typing import Annotated, TypeAlias

from pydantic import Field

from gptkit.types.chat.chat_completion_message_custom_tool_call_param import (
    ChatCompletionMessageCustomToolCallParam,
)
from gptkit.types.chat.chat_completion_message_function_tool_call_param import (
    ChatCompletionMessageFunctionToolCallParam,
)

__all__ = ["ChatCompletionMessageToolCallUnionParam"]

ChatCompletionMessageToolCallUnionParam: TypeAlias = Annotated[
    ChatCompletionMessageFunctionToolCallParam | ChatCompletionMessageCustomToolCallParam,
    Field(discriminator="type"),
]
