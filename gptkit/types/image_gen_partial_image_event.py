"""A partial image streamed during an image generation."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject

__all__ = ["ImageGenPartialImageEvent"]


class ImageGenPartialImageEvent(APIObject):
    """One of the ``partial_images`` of a streamed image generation."""

    # The fields of every image event, spelled out so they print in the official order.
    b64_json: str | None = None
    background: str | None = None
    created_at: int | None = None
    output_format: str | None = None
    partial_image_index: int | None = None
    quality: str | None = None
    size: str | None = None
    type: Literal["image_generation.partial_image"]
