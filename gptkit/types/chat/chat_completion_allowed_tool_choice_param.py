"""``ChatCompletionAllowedToolChoiceParam``: a ``tool_choice`` of allowed tools."""

from __future__ import annotations

from typing import Literal

from pydantic import with_config
from typing_extensions import Required, TypedDict

from gptkit.types._base import OPEN_PARAMS
from gptkit.types.chat.chat_completion_allowed_tools_param import ChatCompletionAllowedToolsParam

__all__ = ["ChatCompletionAllowedToolChoiceParam"]


@with_config(OPEN_PARAMS)
class ChatCompletionAllowedToolChoiceParam(TypedDict, total=False):
    """``{"type": "allowed_tools", "allowed_tools": {"mode": ..., "tools": [...]}}``."""

    allowed_tools: Required[ChatCompletionAllowedToolsParam]
    type: Required[Literal["allowed_tools"]]
