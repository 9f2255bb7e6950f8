"""``ResponseCustomToolCallOutput``: the output of a custom tool call, given as input."""

from __future__ import annotations

from typing import Annotated, Literal, TypeAlias

from pydantic import Field

from gptkit.types._base import APIObject
from gptkit.types.responses.response_input_content import ResponseInputParts

__all__ = ["Caller", "CallerDirect", "CallerProgram", "ResponseCustomToolCallOutput"]


class CallerDirect(APIObject):
    """The model called the tool itself."""

    type: Literal["direct"]


class CallerProgram(APIObject):
    """A ``program`` item called the tool."""

    caller_id: str
    type: Literal["program"]


Caller: TypeAlias = Annotated[CallerDirect | CallerProgram | None, Field(discriminator="type")]


class ResponseCustomToolCallOutput(APIObject):
    """What a custom tool returned, text or a list of input parts."""

    call_id: str
    output: str | list[ResponseInputParts]
    type: Literal["custom_tool_call_output"]
    id: str | None = None
    caller: Caller = None
