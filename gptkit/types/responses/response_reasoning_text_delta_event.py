"""The ``response.reasoning_text.delta`` stream event."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject

__all__ = ["ResponseReasoningTextDeltaEvent"]


class ResponseReasoningTextDeltaEvent(APIObject):
    """Emitted when a delta is added to a reasoning text."""

    content_index: int = 0
    delta: str = ""
    item_id: str = ""
    output_index: int = 0
    sequence_number: int = 0
    type: Literal["response.reasoning_text.delta"] = "response.reasoning_text.delta"
