"""The ``response.image_generation_call.in_progress`` stream event."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject

__all__ = ["ResponseImageGenCallInProgressEvent"]


class ResponseImageGenCallInProgressEvent(APIObject):
    """Emitted when an image generation tool call is in progress."""

    type: Literal["response.image_generation_call.in_progress"] = "response.image_generation_call.in_progress"
    sequence_number: int = 0
    item_id: str = ""
    output_index: int = 0
