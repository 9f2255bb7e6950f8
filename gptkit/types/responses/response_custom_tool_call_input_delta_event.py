"""The ``response.custom_tool_call_input.delta`` stream event."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject

__all__ = ["ResponseCustomToolCallInputDeltaEvent"]


class ResponseCustomToolCallInputDeltaEvent(APIObject):
    """Event representing a delta (partial update) to the input of a custom tool call."""

    delta: str = ""
    item_id: str = ""
    output_index: int = 0
    sequence_number: int = 0
    type: Literal["response.custom_tool_call_input.delta"] = "response.custom_tool_call_input.delta"
