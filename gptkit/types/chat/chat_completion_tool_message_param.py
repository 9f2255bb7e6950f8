"""``ChatCompletionToolMessageParam``: the result of a tool call, sent back to the model."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from pydantic import with_config
from typing_extensions import Required, TypedDict

from gptkit.types._base import OPEN_PARAMS
from gptkit.types.chat.chat_completion_content_part_text_param import (
    ChatCompletionContentPartTextParam,
)

__all__ = ["ChatCompletionToolMessageParam"]


@with_config(OPEN_PARAMS)
class ChatCompletionToolMessageParam(TypedDict, total=False):
    """``{"role": "tool", "tool_call_id": ..., "content": ...}``."""

    content: Required[str | Sequence[ChatCompletionContentPartTextParam]]
    role: Required[Literal["tool"]]
    tool_call_id: Required[str]
