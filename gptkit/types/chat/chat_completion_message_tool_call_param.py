"""``ChatCompletionMessageToolCallParam``: the older name of a function tool call parameter."""

from __future__ import annotations

from gptkit.types.chat.chat_completion_message_function_tool_call_param import (
    ChatCompletionMessageFunctionToolCallParam,
    Function,
)

__all__ = ["ChatCompletionMessageToolCallParam", "Function"]

ChatCompletionMessageToolCallParam = ChatCompletionMessageFunctionToolCallParam
