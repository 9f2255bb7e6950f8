"""``ResponseInputTextContent``: text in a function call's output."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject
from gptkit.types.responses.response_input_content import PromptCacheBreakpoint

__all__ = ["PromptCacheBreakpoint", "ResponseInputTextContent"]


class ResponseInputTextContent(APIObject):
    """Text a function returned."""

    text: str
    type: Literal["input_text"]
    prompt_cache_breakpoint: PromptCacheBreakpoint | None = None
