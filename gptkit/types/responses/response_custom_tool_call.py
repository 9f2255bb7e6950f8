"""A call of one of the caller's free-form custom tools (``custom_tool_call`` output item)."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject

__all__ = ["ResponseCustomToolCall"]


class ResponseCustomToolCall(APIObject):
    """The model asks for custom tool ``name`` with free-form ``input`` text."""

    type: Literal["custom_tool_call"] = "custom_tool_call"
    id: str | None = None
    call_id: str = ""
    name: str = ""
    input: str = ""
    namespace: str | None = None
