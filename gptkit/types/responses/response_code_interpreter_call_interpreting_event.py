"""The ``response.code_interpreter_call.interpreting`` stream event."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject

__all__ = ["ResponseCodeInterpreterCallInterpretingEvent"]


class ResponseCodeInterpreterCallInterpretingEvent(APIObject):
    """Emitted when the code interpreter is actively interpreting the code snippet."""

    item_id: str = ""
    output_index: int = 0
    sequence_number: int = 0
    type: Literal["response.code_interpreter_call.interpreting"] = (
        "response.code_interpreter_call.interpreting"
    )
