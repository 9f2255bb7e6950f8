"""``ChatCompletionPredictionContentParam``: predicted output, to speed up a regeneration."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from pydantic import with_config
from typing_extensions import Required, TypedDict

from gptkit.types._base import OPEN_PARAMS
from gptkit.types.chat.chat_completion_content_part_text_param import (
    ChatCompletionContentPartTextParam,
)

__all__ = ["ChatCompletionPredictionContentParam"]


@with_config(OPEN_PARAMS)
class ChatCompletionPredictionContentParam(TypedDict, total=False):
    """``{"type": "content", "content": ...}``."""

    content: Required[str | Sequence[ChatCompletionContentPartTextParam]]
    type: Required[Literal["content"]]
