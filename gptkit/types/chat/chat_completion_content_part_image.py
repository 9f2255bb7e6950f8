"""``ChatCompletionContentPartImage``: an image part of a stored message's content."""

from __future__ import annotations

from gptkit.types._base import APIObject
from gptkit.types.chat.chat_completion_content_part_text import PromptCacheBreakpoint

__all__ = ["ChatCompletionContentPartImage", "ImageURL", "PromptCacheBreakpoint"]


class ImageURL(APIObject):
    """The image: a URL or base64 data URL, and the detail it was read at."""

    url: str
    detail: str | None = None


class ChatCompletionContentPartImage(APIObject):
    """A part of a message's content that is an image."""

    image_url: ImageURL
    type: str = "image_url"
    prompt_cache_breakpoint: PromptCacheBreakpoint | None = None
