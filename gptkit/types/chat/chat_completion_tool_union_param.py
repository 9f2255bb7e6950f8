"""``ChatCompletionToolUnionParam``: a tool of either kind (function or custom)."""

from __future__ import annotations

from typing import Annotated, TypeAlias

from pydantic import Field

from gptkit.types.chat.chat_completion_custom_tool_param import ChatCompletionCustomToolParam
from gptkit.types.chat.chat_completion_function_tool_param import ChatCompletionFunctionToolParam

__all__ = ["ChatCompletionToolUnionParam"]

ChatCompletionToolUnionParam: TypeAlias = Annotated[
    ChatCompletionFunctionToolParam | ChatCompletionCustomToolParam,
    Field(discriminator="type"),
]
