"""A partial image streamed during an image generation."""

from __future__ import annotations

from typing import Literal

from gptkit.types._image_event import ImageEventFields

__all__ = ["ImageGenPartialImageEvent"]


class ImageGenPartialImageEvent(ImageEventFields):
    """One of the ``partial_images`` of a streamed image generation."""

    type: Literal["image_generation.partial_image"]
    partial_image_index: int | None = None
