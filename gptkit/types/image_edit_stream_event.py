"""The events of a streamed image edit (``images.edit(stream=True)``)."""

from __future__ import annotations

from typing import TypeAlias

from gptkit.types.image_edit_completed_event import ImageEditCompletedEvent
from gptkit.types.image_edit_partial_image_event import ImageEditPartialImageEvent

__all__ = ["ImageEditStreamEvent"]

#: A partial image, or the completed image (told apart by ``type``).
ImageEditStreamEvent: TypeAlias = ImageEditPartialImageEvent | ImageEditCompletedEvent
