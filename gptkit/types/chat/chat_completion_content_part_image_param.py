"""``ChatCompletionContentPartImageParam``: an image part (a URL or a base64 data URL)."""

from __future__ import annotations

from typing import Literal

from pydantic import with_config
from typing_extensions import Required, TypedDict

from gptkit.types._base import OPEN_PARAMS
from gptkit.types.chat.chat_completion_content_part_text_param import PromptCacheBreakpoint

__all__ = ["ChatCompletionContentPartImageParam", "ImageURL", "PromptCacheBreakpoint"]


@with_config(OPEN_PARAMS)
class ImageURL(TypedDict, total=False):
    """The image's ``url`` and the ``detail`` to see it at."""

    url: Required[str]
    detail: Literal["auto", "low", "high", "original"]


@with_config(OPEN_PARAMS)
class ChatCompletionContentPartImageParam(TypedDict, total=False):
    """``{"type": "image_url", "image_url": {"url": ...}}``."""

    image_url: Required[ImageURL]
    type: Required[Literal["image_url"]]
    prompt_cache_breakpoint: PromptCacheBreakpoint
