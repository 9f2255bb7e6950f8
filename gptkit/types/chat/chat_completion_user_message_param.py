"""``ChatCompletionUserMessageParam``: a user message (text, images, audio, files)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from pydantic import with_config
from typing_extensions import Required, TypedDict

from gptkit.types._base import OPEN_PARAMS
from gptkit.types.chat.chat_completion_content_part_param import ChatCompletionContentPartParam

__all__ = ["ChatCompletionUserMessageParam"]


@with_config(OPEN_PARAMS)
class ChatCompletionUserMessageParam(TypedDict, total=False):
    """``{"role": "user", "content": ...}``."""

    content: Required[str | Sequence[ChatCompletionContentPartParam]]
    role: Required[Literal["user"]]
    name: str
