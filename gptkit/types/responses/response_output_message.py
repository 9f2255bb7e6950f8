"""An assistant message in a response's ``output``."""

from __future__ import annotations

from typing import Annotated, Literal, TypeAlias

from pydantic import Tag

from gptkit.types._base import APIObject
from gptkit.types.responses._tagged import UNKNOWN, by_type
from gptkit.types.responses.response_output_refusal import ResponseOutputRefusal
from gptkit.types.responses.response_output_text import ResponseOutputText

__all__ = ["Content", "ResponseOutputMessage", "UnknownContent"]


class UnknownContent(APIObject):
    """A message part of a type this version of gptkit does not know (all its fields kept)."""

    type: str


_CONTENT = (
    Annotated[ResponseOutputText, Tag("output_text")]
    | Annotated[ResponseOutputRefusal, Tag("refusal")]
    | Annotated[UnknownContent, Tag(UNKNOWN)]
)
Content: TypeAlias = Annotated[_CONTENT, by_type(_CONTENT)]


class ResponseOutputMessage(APIObject):
    """A message the model wrote: ``output_text`` and ``refusal`` parts.

    ``status`` is ``in_progress``, ``completed`` or ``incomplete``.
    """

    id: str = ""
    content: list[Content] = []
    role: str = "assistant"
    status: str | None = None
    type: Literal["message"] = "message"
    phase: str | None = None
