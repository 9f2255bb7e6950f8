"""The ``response.code_interpreter_call.in_progress`` stream event."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject

__all__ = ["ResponseCodeInterpreterCallInProgressEvent"]


class ResponseCodeInterpreterCallInProgressEvent(APIObject):
    """Emitted when a code interpreter call is in progress."""

    item_id: str = ""
    output_index: int = 0
    sequence_number: int = 0
    type: Literal["response.code_interpreter_call.in_progress"] = "response.code_interpreter_call.in_progress"
