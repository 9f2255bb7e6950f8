"""The ``response.code_interpreter_call_code.done`` stream event."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject

__all__ = ["ResponseCodeInterpreterCallCodeDoneEvent"]


class ResponseCodeInterpreterCallCodeDoneEvent(APIObject):
    """Emitted when the code snippet is finalized by the code interpreter."""

    code: str = ""
    item_id: str = ""
    output_index: int = 0
    sequence_number: int = 0
    type: Literal["response.code_interpreter_call_code.done"] = "response.code_interpreter_call_code.done"
