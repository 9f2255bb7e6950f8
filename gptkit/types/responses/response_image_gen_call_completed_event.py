"""The ``response.image_generation_call.completed`` stream event."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject

__all__ = ["ResponseImageGenCallCompletedEvent"]


class ResponseImageGenCallCompletedEvent(APIObject):
    """Emitted when an image generation tool call has completed and the final image is available."""

    item_id: str = ""
    output_index: int = 0
    sequence_number: int = 0
    type: Literal["response.image_generation_call.completed"] = "response.image_generation_call.completed"
