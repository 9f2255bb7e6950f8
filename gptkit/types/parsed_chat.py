"""gptkit's earlier module of parsed chat types, kept so that imports written against it work.

The types live at the official paths now: ``gptkit.types.chat.parsed_chat_completion`` and
``gptkit.types.chat.parsed_function_tool_call``.
"""

from __future__ import annotations

from gptkit.types.chat.parsed_chat_completion import (
    ContentT,
    ParsedChatCompletion,
    ParsedChatCompletionMessage,
    ParsedChoice,
)
from gptkit.types.chat.parsed_function_tool_call import ParsedFunction, ParsedFunctionToolCall

__all__ = [
    "ContentT",
    "ParsedChatCompletion",
    "ParsedChatCompletionMessage",
    "ParsedChoice",
    "ParsedFunction",
    "ParsedFunctionToolCall",
]
