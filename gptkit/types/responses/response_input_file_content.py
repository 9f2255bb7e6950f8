"""``ResponseInputFileContent``: a file in a function call's output."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject
from gptkit.types.responses.response_input_content import PromptCacheBreakpoint

__all__ = ["PromptCacheBreakpoint", "ResponseInputFileContent"]


class ResponseInputFileContent(APIObject):
    """A file a function returned (by id, URL or inline data)."""

    type: Literal["input_file"]
    detail: str | None = None
    file_data: str | None = None
    file_id: str | None = None
    file_url: str | None = None
    filename: str | None = None
    prompt_cache_breakpoint: PromptCacheBreakpoint | None = None
