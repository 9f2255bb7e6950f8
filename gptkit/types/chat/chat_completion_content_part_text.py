"""``ChatCompletionContentPartText``: a text part of a stored message's content."""

from __future__ import annotations

from gptkit.types._base import APIObject

__all__ = ["ChatCompletionContentPartText", "PromptCacheBreakpoint"]


class PromptCacheBreakpoint(APIObject):
    """Where the caller asked the prompt cache to break (``mode="explicit"``), and for how long."""

    mode: str = "explicit"
    ttl: str | None = None


class ChatCompletionContentPartText(APIObject):
    """A part of a message's content that is text."""

    text: str
    type: str = "text"
    prompt_cache_breakpoint: PromptCacheBreakpoint | None = None
