"""The ``response.output_item.added`` stream event."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject
from gptkit.types.responses.response_output_item import ResponseOutputItem

__all__ = ["ResponseOutputItemAddedEvent"]


class ResponseOutputItemAddedEvent(APIObject):
    """Emitted when a new output item is added."""

    item: ResponseOutputItem
    output_index: int = 0
    sequence_number: int = 0
    type: Literal["response.output_item.added"] = "response.output_item.added"
