"""The content parts of beta messages and content part events, by ``type``: the GA parts under the
beta package's names (``BetaResponseOutputText``, ``BetaResponseOutputRefusal``)."""

from __future__ import annotations

from typing import Annotated, TypeAlias

from pydantic import Tag

from gptkit.types.beta.beta_response_output_refusal import BetaResponseOutputRefusal
from gptkit.types.beta.beta_response_output_text import BetaResponseOutputText
from gptkit.types.responses._tagged import UNKNOWN, by_type
from gptkit.types.responses.response_content_part_added_event import PartReasoningText
from gptkit.types.responses.response_output_message import UnknownContent

__all__ = ["Content", "Part"]

_CONTENT = (
    Annotated[BetaResponseOutputText, Tag("output_text")]
    | Annotated[BetaResponseOutputRefusal, Tag("refusal")]
    | Annotated[UnknownContent, Tag(UNKNOWN)]
)
#: A part of a beta message's ``content``.
Content: TypeAlias = Annotated[_CONTENT, by_type(_CONTENT)]

_PARTS = (
    Annotated[BetaResponseOutputText, Tag("output_text")]
    | Annotated[BetaResponseOutputRefusal, Tag("refusal")]
    | Annotated[PartReasoningText, Tag("reasoning_text")]
    | Annotated[UnknownContent, Tag(UNKNOWN)]
)
#: The ``part`` of a beta ``response.content_part.added`` / ``.done`` event.
Part: TypeAlias = Annotated[_PARTS, by_type(_PARTS)]
