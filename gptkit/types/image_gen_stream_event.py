"""The events of a streamed image generation (``images.generate(stream=True)``)."""

from __future__ import annotations

from typing import TypeAlias

from gptkit.types.image_gen_completed_event import ImageGenCompletedEvent
from gptkit.types.image_gen_partial_image_event import ImageGenPartialImageEvent

__all__ = ["ImageGenStreamEvent"]

#: A partial image, or the completed image (told apart by ``type``).
ImageGenStreamEvent: TypeAlias = ImageGenPartialImageEvent | ImageGenCompletedEvent
