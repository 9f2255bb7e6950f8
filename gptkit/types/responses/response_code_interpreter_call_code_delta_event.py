"""The ``response.code_interpreter_call_code.delta`` stream event."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject

__all__ = ["ResponseCodeInterpreterCallCodeDeltaEvent"]


class ResponseCodeInterpreterCallCodeDeltaEvent(APIObject):
    """Emitted when a partial code snippet is streamed by the code interpreter."""

    delta: str = ""
    item_id: str = ""
    output_index: int = 0
    sequence_number: int = 0
    type: Literal["response.code_interpreter_call_code.delta"] = "response.code_interpreter_call_code.delta"
