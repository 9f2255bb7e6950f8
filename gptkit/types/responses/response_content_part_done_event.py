"""The ``response.content_part.done`` stream event."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject
from gptkit.types.responses.response_content_part_added_event import Part

__all__ = ["ResponseContentPartDoneEvent"]


class ResponseContentPartDoneEvent(APIObject):
    """Emitted when a content part is done."""

    content_index: int = 0
    item_id: str = ""
    output_index: int = 0
    part: Part | None = None
    sequence_number: int = 0
    type: Literal["response.content_part.done"] = "response.content_part.done"
