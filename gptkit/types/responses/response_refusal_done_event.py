"""The ``response.refusal.done`` stream event."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject

__all__ = ["ResponseRefusalDoneEvent"]


class ResponseRefusalDoneEvent(APIObject):
    """Emitted when refusal text is finalized."""

    content_index: int = 0
    item_id: str = ""
    output_index: int = 0
    refusal: str = ""
    sequence_number: int = 0
    type: Literal["response.refusal.done"] = "response.refusal.done"
