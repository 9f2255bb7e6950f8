"""A screenshot taken by the computer-use tool, as a content part."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject

__all__ = ["ComputerScreenshotContent", "PromptCacheBreakpoint"]


class PromptCacheBreakpoint(APIObject):
    """Where a prompt cache breakpoint is, and for how long the cache is kept."""

    mode: str | None = None
    ttl: str | None = None


class ComputerScreenshotContent(APIObject):
    """The screenshot, by uploaded ``file_id`` or ``image_url``."""

    detail: str | None = None
    file_id: str | None = None
    image_url: str | None = None
    type: Literal["computer_screenshot"] = "computer_screenshot"
    prompt_cache_breakpoint: PromptCacheBreakpoint | None = None
