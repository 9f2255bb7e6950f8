"""Tool calls of a chat message: function calls (the usual kind) or custom-tool calls.

``ChatCompletionMessageToolCall`` is the function kind, the name older code uses for it (the
official package keeps it as an alias too).
"""

from __future__ import annotations

from typing import Annotated, TypeAlias

from pydantic import Discriminator, Tag

from gptkit.types._base import type_tag
from gptkit.types.chat.chat_completion_message_custom_tool_call import (
    ChatCompletionMessageCustomToolCall,
)
from gptkit.types.chat.chat_completion_message_function_tool_call import (
    ChatCompletionMessageFunctionToolCall,
    Function,
)

__all__ = ["ChatCompletionMessageToolCall", "ChatCompletionMessageToolCallUnion", "Function"]

#: A tool call of either kind, told apart by ``type`` (an unknown kind reads as a function call).
ChatCompletionMessageToolCallUnion: TypeAlias = Annotated[
    Annotated[ChatCompletionMessageFunctionToolCall, Tag("function")]
    | Annotated[ChatCompletionMessageCustomToolCall, Tag("custom")],
    Discriminator(type_tag(frozenset({"function", "custom"}), "function")),
]

ChatCompletionMessageToolCall: TypeAlias = ChatCompletionMessageFunctionToolCall
