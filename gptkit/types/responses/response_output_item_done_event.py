"""The ``response.output_item.done`` stream event."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject
from gptkit.types.responses.response_output_item import ResponseOutputItem

__all__ = ["ResponseOutputItemDoneEvent"]


class ResponseOutputItemDoneEvent(APIObject):
    """Emitted when an output item is marked done."""

    item: ResponseOutputItem
    output_index: int = 0
    sequence_number: int = 0
    type: Literal["response.output_item.done"] = "response.output_item.done"
