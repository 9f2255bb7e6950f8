"""The ``response.file_search_call.in_progress`` stream event."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject

__all__ = ["ResponseFileSearchCallInProgressEvent"]


class ResponseFileSearchCallInProgressEvent(APIObject):
    """Emitted when a file search call is initiated."""

    item_id: str = ""
    output_index: int = 0
    sequence_number: int = 0
    type: Literal["response.file_search_call.in_progress"] = "response.file_search_call.in_progress"
