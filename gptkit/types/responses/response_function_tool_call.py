"""A call of one of the caller's functions (``function_call`` output item)."""

from __future__ import annotations

from typing import Annotated, Literal, TypeAlias

from pydantic import Discriminator, Field, Tag

from gptkit.types._base import APIObject, type_tag

__all__ = ["Caller", "CallerDirect", "CallerProgram", "ResponseFunctionToolCall"]


class CallerDirect(APIObject):
    """The model called the tool itself (also any caller ``type`` gptkit does not know)."""

    type: str = "direct"


class CallerProgram(APIObject):
    """A program the model wrote called the tool (programmatic tool calling)."""

    caller_id: str = ""
    type: Literal["program"] = "program"


#: Who called a tool, by ``type``.
Caller: TypeAlias = Annotated[
    Annotated[CallerDirect, Tag("direct")] | Annotated[CallerProgram, Tag("program")],
    Discriminator(type_tag(frozenset({"direct", "program"}), "direct")),
]


class ResponseFunctionToolCall(APIObject):
    """The model asks for a function to be called; answer with a ``function_call_output`` item
    carrying the same ``call_id``. ``arguments`` is a JSON string."""

    arguments: str = ""
    call_id: str = ""
    name: str = ""
    type: Literal["function_call"] = "function_call"
    id: str | None = None
    async_: bool | None = Field(default=None, alias="async")
    caller: Caller | None = None
    namespace: str | None = None
    status: str | None = None
