"""``ChatCompletionToolChoiceOptionParam``: which tool the model may or must call."""

from __future__ import annotations

from typing import Literal, TypeAlias

from gptkit.types.chat.chat_completion_allowed_tool_choice_param import (
    ChatCompletionAllowedToolChoiceParam,
)
from gptkit.types.chat.chat_completion_named_tool_choice_custom_param import (
    ChatCompletionNamedToolChoiceCustomParam,
)
from gptkit.types.chat.chat_completion_named_tool_choice_param import (
    ChatCompletionNamedToolChoiceParam,
)

__all__ = ["ChatCompletionToolChoiceOptionParam"]

#: ``"none"``, ``"auto"``, ``"required"``, or a named function / custom tool, or allowed tools.
ChatCompletionToolChoiceOptionParam: TypeAlias = (
    Literal["none", "auto", "required"]
    | ChatCompletionAllowedToolChoiceParam
    | ChatCompletionNamedToolChoiceParam
    | ChatCompletionNamedToolChoiceCustomParam
)
