"""The ``response.file_search_call.searching`` stream event."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject

__all__ = ["ResponseFileSearchCallSearchingEvent"]


class ResponseFileSearchCallSearchingEvent(APIObject):
    """Emitted when a file search is currently searching."""

    item_id: str = ""
    output_index: int = 0
    sequence_number: int = 0
    type: Literal["response.file_search_call.searching"] = "response.file_search_call.searching"
