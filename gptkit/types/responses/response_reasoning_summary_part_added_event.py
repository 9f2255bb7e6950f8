"""The ``response.reasoning_summary_part.added`` stream event."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject

__all__ = ["Part", "ResponseReasoningSummaryPartAddedEvent"]

class Part(APIObject):
    """A reasoning summary part."""

    text: str = ""
    type: str = "summary_text"



class ResponseReasoningSummaryPartAddedEvent(APIObject):
    """Emitted when a new reasoning summary part is added."""

    item_id: str = ""
    output_index: int = 0
    part: Part | None = None
    sequence_number: int = 0
    summary_index: int = 0
    type: Literal["response.reasoning_summary_part.added"] = "response.reasoning_summary_part.added"
