"""The ``response.output_text.delta`` stream event."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject
from gptkit.types.responses.response_output_text import Logprob

__all__ = ["ResponseTextDeltaEvent"]


class ResponseTextDeltaEvent(APIObject):
    """Emitted when there is an additional text delta."""

    content_index: int = 0
    delta: str = ""
    item_id: str = ""
    logprobs: list[Logprob] = []
    output_index: int = 0
    sequence_number: int = 0
    type: Literal["response.output_text.delta"] = "response.output_text.delta"
