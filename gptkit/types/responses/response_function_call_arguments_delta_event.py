"""The ``response.function_call_arguments.delta`` stream event."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject

__all__ = ["ResponseFunctionCallArgumentsDeltaEvent"]


class ResponseFunctionCallArgumentsDeltaEvent(APIObject):
    """Emitted when there is a partial function-call arguments delta."""

    delta: str = ""
    item_id: str = ""
    output_index: int = 0
    sequence_number: int = 0
    type: Literal["response.function_call_arguments.delta"] = "response.function_call_arguments.delta"
