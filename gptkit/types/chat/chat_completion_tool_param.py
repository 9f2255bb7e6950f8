"""``ChatCompletionToolParam``: the older name of a function tool parameter."""

from __future__ import annotations

from gptkit.types.chat.chat_completion_function_tool_param import ChatCompletionFunctionToolParam
from gptkit.types.shared_params.function_definition import FunctionDefinition

__all__ = ["ChatCompletionToolParam", "FunctionDefinition"]

ChatCompletionToolParam = ChatCompletionFunctionToolParam
