"""The ``response.file_search_call.completed`` stream event."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject

__all__ = ["ResponseFileSearchCallCompletedEvent"]


class ResponseFileSearchCallCompletedEvent(APIObject):
    """Emitted when a file search call is completed (results found)."""

    item_id: str = ""
    output_index: int = 0
    sequence_number: int = 0
    type: Literal["response.file_search_call.completed"] = "response.file_search_call.completed"
