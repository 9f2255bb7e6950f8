"""The last event of a streamed image edit: the final image and the usage."""

from __future__ import annotations

from typing import Literal

from gptkit.types._image_event import ImageEventFields
from gptkit.types.images_response import Usage, UsageInputTokensDetails

__all__ = ["ImageEditCompletedEvent", "Usage", "UsageInputTokensDetails"]


class ImageEditCompletedEvent(ImageEventFields):
    """The final image of a streamed image edit, with the call's token usage."""

    type: Literal["image_edit.completed"]
    usage: Usage | None = None
    safety_identifier: str | None = None
