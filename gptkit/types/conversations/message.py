"""A message of a conversation (any role), with its content parts."""

from __future__ import annotations

from typing import Annotated, Any, Literal, TypeAlias

from pydantic import Tag

from gptkit.types._base import APIObject
from gptkit.types.conversations.computer_screenshot_content import ComputerScreenshotContent
from gptkit.types.conversations.summary_text_content import SummaryTextContent
from gptkit.types.conversations.text_content import TextContent
from gptkit.types.responses._tagged import UNKNOWN, by_type
from gptkit.types.responses.response_input_content import (
    ResponseInputFile,
    ResponseInputImage,
    ResponseInputText,
)
from gptkit.types.responses.response_output_message import UnknownContent
from gptkit.types.responses.response_output_refusal import ResponseOutputRefusal
from gptkit.types.responses.response_output_text import ResponseOutputText

__all__ = ["Content", "ContentReasoningText", "Message"]


class ContentReasoningText(APIObject):
    """Reasoning text the model wrote."""

    text: str = ""
    type: Literal["reasoning_text"] = "reasoning_text"


_CONTENT = (
    Annotated[ResponseInputText, Tag("input_text")]
    | Annotated[ResponseOutputText, Tag("output_text")]
    | Annotated[TextContent, Tag("text")]
    | Annotated[SummaryTextContent, Tag("summary_text")]
    | Annotated[ContentReasoningText, Tag("reasoning_text")]
    | Annotated[ResponseOutputRefusal, Tag("refusal")]
    | Annotated[ResponseInputImage, Tag("input_image")]
    | Annotated[ComputerScreenshotContent, Tag("computer_screenshot")]
    | Annotated[ResponseInputFile, Tag("input_file")]
    | Annotated[UnknownContent, Tag(UNKNOWN)]
)
#: A part of a message, by ``type``: ``input_text``, ``output_text``, ``input_image``,
#: ``refusal``...; a kind gptkit does not know reads as ``UnknownContent`` (fields kept).
Content: TypeAlias = Annotated[_CONTENT, by_type(_CONTENT)]


class Message(APIObject):
    """A message of a conversation: ``role`` (user, assistant, system, developer...) and
    ``content`` parts; ``status`` is ``in_progress``, ``completed`` or ``incomplete``."""

    id: str | None = None
    content: list[Content] = []
    role: str | None = None
    status: str | None = None
    type: Literal["message"] = "message"
    phase: str | None = None

    def text(self) -> str:
        """The message's text parts joined (``input_text``, ``output_text``, ``text``)."""
        parts: list[Any] = [getattr(part, "text", None) for part in self.content]
        return "".join(p for p in parts if isinstance(p, str))
