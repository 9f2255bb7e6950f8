"""The ``response.image_generation_call.generating`` stream event."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject

__all__ = ["ResponseImageGenCallGeneratingEvent"]


class ResponseImageGenCallGeneratingEvent(APIObject):
    """Emitted when an image generation tool call is actively generating an image (intermediate
    state)."""

    item_id: str = ""
    output_index: int = 0
    sequence_number: int = 0
    type: Literal["response.image_generation_call.generating"] = "response.image_generation_call.generating"
