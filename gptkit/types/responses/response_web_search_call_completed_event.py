"""The ``response.web_search_call.completed`` stream event."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject

__all__ = ["ResponseWebSearchCallCompletedEvent"]


class ResponseWebSearchCallCompletedEvent(APIObject):
    """Emitted when a web search call is completed."""

    item_id: str = ""
    output_index: int = 0
    sequence_number: int = 0
    type: Literal["response.web_search_call.completed"] = "response.web_search_call.completed"
