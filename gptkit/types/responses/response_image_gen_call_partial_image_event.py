"""The ``response.image_generation_call.partial_image`` stream event."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject

__all__ = ["ResponseImageGenCallPartialImageEvent"]


class ResponseImageGenCallPartialImageEvent(APIObject):
    """Emitted when a partial image is available during image generation streaming."""

    item_id: str = ""
    output_index: int = 0
    partial_image_b64: str = ""
    partial_image_index: int = 0
    sequence_number: int = 0
    type: Literal["response.image_generation_call.partial_image"] = (
        "response.image_generation_call.partial_image"
    )
    background: str | None = None
    output_format: str | None = None
    quality: str | None = None
    size: str | None = None
