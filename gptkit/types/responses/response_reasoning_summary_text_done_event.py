"""The ``response.reasoning_summary_text.done`` stream event."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject

__all__ = ["ResponseReasoningSummaryTextDoneEvent"]


class ResponseReasoningSummaryTextDoneEvent(APIObject):
    """Emitted when a reasoning summary text is completed."""

    item_id: str = ""
    output_index: int = 0
    sequence_number: int = 0
    summary_index: int = 0
    text: str = ""
    type: Literal["response.reasoning_summary_text.done"] = "response.reasoning_summary_text.done"
