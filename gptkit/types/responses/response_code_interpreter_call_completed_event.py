"""The ``response.code_interpreter_call.completed`` stream event."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject

__all__ = ["ResponseCodeInterpreterCallCompletedEvent"]


class ResponseCodeInterpreterCallCompletedEvent(APIObject):
    """Emitted when the code interpreter call is completed."""

    item_id: str = ""
    output_index: int = 0
    sequence_number: int = 0
    type: Literal["response.code_interpreter_call.completed"] = "response.code_interpreter_call.completed"
