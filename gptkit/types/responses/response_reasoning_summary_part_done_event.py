"""The ``response.reasoning_summary_part.done`` stream event."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject
from gptkit.types.responses.response_reasoning_summary_part_added_event import Part

__all__ = ["ResponseReasoningSummaryPartDoneEvent"]


class ResponseReasoningSummaryPartDoneEvent(APIObject):
    """Emitted when a reasoning summary part is completed."""

    item_id: str = ""
    output_index: int = 0
    part: Part | None = None
    sequence_number: int = 0
    summary_index: int = 0
    type: Literal["response.reasoning_summary_part.done"] = "response.reasoning_summary_part.done"
    status: str | None = None
