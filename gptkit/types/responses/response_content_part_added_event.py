"""The ``response.content_part.added`` stream event."""

from __future__ import annotations

from typing import Annotated, Literal, TypeAlias

from pydantic import Tag

from gptkit.types._base import APIObject
from gptkit.types.responses._tagged import UNKNOWN, by_type
from gptkit.types.responses.response_output_message import UnknownContent
from gptkit.types.responses.response_output_refusal import ResponseOutputRefusal
from gptkit.types.responses.response_output_text import ResponseOutputText

__all__ = ["Part", "PartReasoningText", "ResponseContentPartAddedEvent"]

class PartReasoningText(APIObject):
    """Reasoning text the model shares."""

    text: str = ""
    type: Literal["reasoning_text"] = "reasoning_text"


_PARTS = (
    Annotated[ResponseOutputText, Tag("output_text")]
    | Annotated[ResponseOutputRefusal, Tag("refusal")]
    | Annotated[PartReasoningText, Tag("reasoning_text")]
    | Annotated[UnknownContent, Tag(UNKNOWN)]
)
#: A part of an output message (or reasoning text), by ``type``.
Part: TypeAlias = Annotated[_PARTS, by_type(_PARTS)]



class ResponseContentPartAddedEvent(APIObject):
    """Emitted when a new content part is added."""

    content_index: int = 0
    item_id: str = ""
    output_index: int = 0
    part: Part | None = None
    sequence_number: int = 0
    type: Literal["response.content_part.added"] = "response.content_part.added"
