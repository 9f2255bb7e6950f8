"""The ``response.image_generation_call.in_progress`` stream event."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject

__all__ = ["ResponseImageGenCallInProgressEvent"]


class ResponseImageGenCallInProgressEvent(APIObject):
    """Emitted when an image generation tool call is in progress."""

    item_id: str = ""
    output_index: int = 0
    sequence_number: int = 0
    type: Literal["response.image_generation_call.in_progress"] = "response.image_generation_call.in_progress"
