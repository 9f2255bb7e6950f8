"""The ``response.function_call_arguments.done`` stream event."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject

__all__ = ["ResponseFunctionCallArgumentsDoneEvent"]


class ResponseFunctionCallArgumentsDoneEvent(APIObject):
    """Emitted when function-call arguments are finalized."""

    type: Literal["response.function_call_arguments.done"] = "response.function_call_arguments.done"
    sequence_number: int = 0
    item_id: str = ""
    output_index: int = 0
    name: str = ""
    arguments: str = ""
