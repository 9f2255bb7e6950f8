"""``CustomTool``: one of the caller's free-form tools, as a response lists its tools."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from gptkit.types._base import APIObject
from gptkit.types.shared.custom_tool_input_format import CustomToolInputFormat

__all__ = ["CustomTool"]


class CustomTool(APIObject):
    """A free-form tool: text input, optionally constrained by a grammar (``format``)."""

    name: str = ""
    type: Literal["custom"] = "custom"
    allowed_callers: list[str] | None = None
    async_: bool | None = Field(default=None, alias="async")
    defer_loading: bool | None = None
    description: str | None = None
    format: CustomToolInputFormat | None = None
