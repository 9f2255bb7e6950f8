"""``ChatCompletionContentPartTextParam``: a text part of a message's content."""

from __future__ import annotations

from typing import Literal

from pydantic import with_config
from typing_extensions import Required, TypedDict

from gptkit.types._base import OPEN_PARAMS

__all__ = ["ChatCompletionContentPartTextParam", "PromptCacheBreakpoint"]


@with_config(OPEN_PARAMS)
class PromptCacheBreakpoint(TypedDict, total=False):
    """Cache the prompt up to and including this part (``mode="explicit"``) for ``ttl``."""

    mode: Required[Literal["explicit"]]
    ttl: Literal["30m", "12h"]


@with_config(OPEN_PARAMS)
class ChatCompletionContentPartTextParam(TypedDict, total=False):
    """``{"type": "text", "text": ...}``."""

    text: Required[str]
    type: Required[Literal["text"]]
    prompt_cache_breakpoint: PromptCacheBreakpoint
