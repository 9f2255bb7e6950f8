"""Commands the model asks the shell tool to run (``shell_call`` item)."""

from __future__ import annotations

from typing import Annotated, Literal, TypeAlias

from pydantic import Discriminator, Field, Tag

from gptkit.types._base import APIObject, type_tag
from gptkit.types.responses.response_container_reference import ResponseContainerReference
from gptkit.types.responses.response_function_tool_call import Caller, CallerDirect, CallerProgram
from gptkit.types.responses.response_local_environment import ResponseLocalEnvironment

__all__ = ["Action", "CallerDirect", "CallerProgram", "Environment", "ResponseFunctionShellToolCall"]


class Action(APIObject):
    """The ``commands`` to run, with limits on their time and output."""

    commands: list[str] = []
    max_output_length: int | None = None
    timeout_ms: int | None = None


#: Where the commands run: the caller's machine or a hosted container.
Environment: TypeAlias = Annotated[
    Annotated[ResponseLocalEnvironment, Tag("local")]
    | Annotated[ResponseContainerReference, Tag("container_reference")],
    Discriminator(type_tag(frozenset({"local", "container_reference"}), "local")),
]


class ResponseFunctionShellToolCall(APIObject):
    """The model asks to run ``action``; answer with a ``shell_call_output`` item."""

    id: str = ""
    action: Action = Field(default_factory=Action)
    call_id: str = ""
    environment: Environment | None = None
    status: str | None = None
    type: Literal["shell_call"] = "shell_call"
    caller: Caller | None = None
    created_by: str | None = None
