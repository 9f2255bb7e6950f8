"""The result of a function call (``function_call_output`` item)."""

from __future__ import annotations

from typing import Any, Literal

from gptkit.types._base import APIObject

__all__ = ["ResponseFunctionToolCallOutputItem"]


class ResponseFunctionToolCallOutputItem(APIObject):
    """What the caller's function returned for ``call_id``: a string or a list of content parts."""

    type: Literal["function_call_output"] = "function_call_output"
    id: str = ""
    call_id: str = ""
    output: str | list[Any] = ""
    status: str | None = None
