"""The result of a function call (``function_call_output`` item)."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject
from gptkit.types.responses.response_function_tool_call import Caller, CallerDirect, CallerProgram
from gptkit.types.responses.response_input_content import ResponseInputContent

__all__ = ["CallerDirect", "CallerProgram", "ResponseFunctionToolCallOutputItem"]


class ResponseFunctionToolCallOutputItem(APIObject):
    """What the caller's function returned for ``call_id``: a string or a list of content parts."""

    id: str = ""
    output: str | list[ResponseInputContent] = ""
    status: str | None = None
    type: Literal["function_call_output"] = "function_call_output"
    call_id: str = ""
    caller: Caller | None = None
    created_by: str | None = None
    name: str | None = None
    namespace: str | None = None
