"""The ``response.refusal.delta`` stream event."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject

__all__ = ["ResponseRefusalDeltaEvent"]


class ResponseRefusalDeltaEvent(APIObject):
    """Emitted when there is a partial refusal text."""

    content_index: int = 0
    delta: str = ""
    item_id: str = ""
    output_index: int = 0
    sequence_number: int = 0
    type: Literal["response.refusal.delta"] = "response.refusal.delta"
