"""The ``response.function_call_arguments.done`` stream event."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject

__all__ = ["ResponseFunctionCallArgumentsDoneEvent"]


class ResponseFunctionCallArgumentsDoneEvent(APIObject):
    """Emitted when function-call arguments are finalized."""

    arguments: str = ""
    item_id: str = ""
    output_index: int = 0
    sequence_number: int = 0
    type: Literal["response.function_call_arguments.done"] = "response.function_call_arguments.done"

    @property
    def name(self) -> str:
        """The function's name, when the server sends it ("" otherwise).

        The official model does not declare it, so it prints as the extra field it is (and not at
        all when absent), as there.
        """
        value = (self.__pydantic_extra__ or {}).get("name")
        return value if isinstance(value, str) else ""
