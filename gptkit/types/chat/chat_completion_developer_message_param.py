"""``ChatCompletionDeveloperMessageParam``: a developer message (instructions, newer models)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from pydantic import with_config
from typing_extensions import Required, TypedDict

from gptkit.types._base import OPEN_PARAMS
from gptkit.types.chat.chat_completion_content_part_text_param import (
    ChatCompletionContentPartTextParam,
)

__all__ = ["ChatCompletionDeveloperMessageParam"]


@with_config(OPEN_PARAMS)
class ChatCompletionDeveloperMessageParam(TypedDict, total=False):
    """``{"role": "developer", "content": ...}``."""

    content: Required[str | Sequence[ChatCompletionContentPartTextParam]]
    role: Required[Literal["developer"]]
    name: str
