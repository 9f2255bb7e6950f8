"""The result of a custom tool call (``custom_tool_call_output`` item)."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject
from gptkit.types.responses.response_function_tool_call import Caller
from gptkit.types.responses.response_input_content import ResponseInputContent

__all__ = ["ResponseCustomToolCallOutputItem"]


class ResponseCustomToolCallOutputItem(APIObject):
    """What the caller's custom tool returned for ``call_id``: text, or a list of content parts."""

    call_id: str = ""
    output: str | list[ResponseInputContent] = ""
    type: Literal["custom_tool_call_output"] = "custom_tool_call_output"
    id: str = ""
    caller: Caller | None = None
    status: str | None = None
    created_by: str | None = None
