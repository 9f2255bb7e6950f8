"""What the shell tool's commands printed (``shell_call_output`` item)."""

from __future__ import annotations

from typing import Annotated, Literal, TypeAlias

from pydantic import Discriminator, Field, Tag

from gptkit.types._base import APIObject, type_tag
from gptkit.types.responses.response_function_tool_call import Caller, CallerDirect, CallerProgram

__all__ = [
    "CallerDirect",
    "CallerProgram",
    "Output",
    "OutputOutcome",
    "OutputOutcomeExit",
    "OutputOutcomeTimeout",
    "ResponseFunctionShellToolCallOutput",
]


class OutputOutcomeTimeout(APIObject):
    """The command ran out of time."""

    type: Literal["timeout"] = "timeout"


class OutputOutcomeExit(APIObject):
    """The command exited with ``exit_code`` (also any outcome ``type`` gptkit does not know)."""

    exit_code: int = 0
    type: str = "exit"


#: How a command ended, by ``type``.
OutputOutcome: TypeAlias = Annotated[
    Annotated[OutputOutcomeTimeout, Tag("timeout")] | Annotated[OutputOutcomeExit, Tag("exit")],
    Discriminator(type_tag(frozenset({"timeout", "exit"}), "exit")),
]


class Output(APIObject):
    """One command's ``stdout`` and ``stderr``, and how it ended."""

    outcome: OutputOutcome = Field(default_factory=OutputOutcomeExit)
    stderr: str = ""
    stdout: str = ""
    created_by: str | None = None


class ResponseFunctionShellToolCallOutput(APIObject):
    """What the commands of ``call_id`` printed, one ``Output`` each."""

    id: str = ""
    call_id: str = ""
    max_output_length: int | None = None
    output: list[Output] = []
    status: str | None = None
    type: Literal["shell_call_output"] = "shell_call_output"
    caller: Caller | None = None
    created_by: str | None = None
