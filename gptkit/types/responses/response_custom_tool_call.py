"""A call of one of the caller's free-form custom tools (``custom_tool_call`` output item)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from gptkit.types._base import APIObject
from gptkit.types.responses.response_function_tool_call import Caller, CallerDirect, CallerProgram

__all__ = ["CallerDirect", "CallerProgram", "ResponseCustomToolCall"]


class ResponseCustomToolCall(APIObject):
    """The model asks for custom tool ``name`` with free-form ``input`` text."""

    call_id: str = ""
    input: str = ""
    name: str = ""
    type: Literal["custom_tool_call"] = "custom_tool_call"
    id: str | None = None
    async_: bool | None = Field(default=None, alias="async")
    caller: Caller | None = None
    namespace: str | None = None
