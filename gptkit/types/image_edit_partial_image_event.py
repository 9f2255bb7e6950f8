"""A partial image streamed during an image edit."""

from __future__ import annotations

from typing import Literal

from gptkit.types._image_event import ImageEventFields

__all__ = ["ImageEditPartialImageEvent"]


class ImageEditPartialImageEvent(ImageEventFields):
    """One of the ``partial_images`` of a streamed image edit."""

    type: Literal["image_edit.partial_image"]
    partial_image_index: int | None = None
