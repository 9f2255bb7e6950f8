"""The ``response.custom_tool_call_input.done`` stream event."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject

__all__ = ["ResponseCustomToolCallInputDoneEvent"]


class ResponseCustomToolCallInputDoneEvent(APIObject):
    """Event indicating that input for a custom tool call is complete."""

    input: str = ""
    item_id: str = ""
    output_index: int = 0
    sequence_number: int = 0
    type: Literal["response.custom_tool_call_input.done"] = "response.custom_tool_call_input.done"
