"""The ``response.reasoning_text.done`` stream event."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject

__all__ = ["ResponseReasoningTextDoneEvent"]


class ResponseReasoningTextDoneEvent(APIObject):
    """Emitted when a reasoning text is completed."""

    content_index: int = 0
    item_id: str = ""
    output_index: int = 0
    sequence_number: int = 0
    text: str = ""
    type: Literal["response.reasoning_text.done"] = "response.reasoning_text.done"
