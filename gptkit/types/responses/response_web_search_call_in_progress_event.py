"""The ``response.web_search_call.in_progress`` stream event."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject

__all__ = ["ResponseWebSearchCallInProgressEvent"]


class ResponseWebSearchCallInProgressEvent(APIObject):
    """Emitted when a web search call is initiated."""

    item_id: str = ""
    output_index: int = 0
    sequence_number: int = 0
    type: Literal["response.web_search_call.in_progress"] = "response.web_search_call.in_progress"
