"""Tool calls whose arguments ``parse`` validated into the tool's pydantic model."""

from __future__ import annotations

from typing import Any

from gptkit.types.chat.chat_completion_message_function_tool_call import (
    ChatCompletionMessageFunctionToolCall,
    Function,
)

__all__ = ["ParsedFunction", "ParsedFunctionToolCall"]


class ParsedFunction(Function):
    """A tool call's function; ``parsed_arguments`` is the tool's model instance for known strict tools."""

    parsed_arguments: Any = None


class ParsedFunctionToolCall(ChatCompletionMessageFunctionToolCall):
    """A function tool call whose arguments ``parse`` validated when it knows the tool."""

    function: ParsedFunction
