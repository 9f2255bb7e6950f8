"""The ``response.reasoning_summary_text.delta`` stream event."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject

__all__ = ["ResponseReasoningSummaryTextDeltaEvent"]


class ResponseReasoningSummaryTextDeltaEvent(APIObject):
    """Emitted when a delta is added to a reasoning summary text."""

    delta: str = ""
    item_id: str = ""
    output_index: int = 0
    sequence_number: int = 0
    summary_index: int = 0
    type: Literal["response.reasoning_summary_text.delta"] = "response.reasoning_summary_text.delta"
