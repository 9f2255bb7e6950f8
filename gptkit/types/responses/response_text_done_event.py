"""The ``response.output_text.done`` stream event."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject
from gptkit.types.responses.response_output_text import Logprob

__all__ = ["ResponseTextDoneEvent"]


class ResponseTextDoneEvent(APIObject):
    """Emitted when text content is finalized."""

    content_index: int = 0
    item_id: str = ""
    logprobs: list[Logprob] = []
    output_index: int = 0
    sequence_number: int = 0
    text: str = ""
    type: Literal["response.output_text.done"] = "response.output_text.done"
