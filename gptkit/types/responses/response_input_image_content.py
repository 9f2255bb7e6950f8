"""``ResponseInputImageContent``: an image in a function call's output."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject
from gptkit.types.responses.response_input_content import PromptCacheBreakpoint

__all__ = ["PromptCacheBreakpoint", "ResponseInputImageContent"]


class ResponseInputImageContent(APIObject):
    """An image a function returned (by URL, data URL or file id)."""

    type: Literal["input_image"]
    detail: str | None = None
    file_id: str | None = None
    image_url: str | None = None
    prompt_cache_breakpoint: PromptCacheBreakpoint | None = None
