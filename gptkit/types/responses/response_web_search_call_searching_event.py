"""The ``response.web_search_call.searching`` stream event."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject

__all__ = ["ResponseWebSearchCallSearchingEvent"]


class ResponseWebSearchCallSearchingEvent(APIObject):
    """Emitted when a web search call is executing."""

    item_id: str = ""
    output_index: int = 0
    sequence_number: int = 0
    type: Literal["response.web_search_call.searching"] = "response.web_search_call.searching"
