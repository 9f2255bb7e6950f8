"""``ChatCompletionSystemMessageParam``: a system message (instructions)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from pydantic import with_config
from typing_extensions import Required, TypedDict

from gptkit.types._base import OPEN_PARAMS
from gptkit.types.chat.chat_completion_content_part_text_param import (
    ChatCompletionContentPartTextParam,
)

__all__ = ["ChatCompletionSystemMessageParam"]


@with_config(OPEN_PARAMS)
class ChatCompletionSystemMessageParam(TypedDict, total=False):
    """``{"role": "system", "content": ...}``."""

    content: Required[str | Sequence[ChatCompletionContentPartTextParam]]
    role: Required[Literal["system"]]
    name: str
