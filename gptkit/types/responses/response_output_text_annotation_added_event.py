"""The ``response.output_text.annotation.added`` stream event."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject
from gptkit.types.responses.response_output_text import Annotation

__all__ = ["ResponseOutputTextAnnotationAddedEvent"]


class ResponseOutputTextAnnotationAddedEvent(APIObject):
    """Emitted when an annotation is added to output text content."""

    annotation: Annotation | None = None
    annotation_index: int = 0
    content_index: int = 0
    item_id: str = ""
    output_index: int = 0
    sequence_number: int = 0
    type: Literal["response.output_text.annotation.added"] = "response.output_text.annotation.added"
