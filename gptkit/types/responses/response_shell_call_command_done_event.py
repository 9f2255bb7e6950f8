"""The ``response.shell_call_command.done`` stream event."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject

__all__ = ["ResponseShellCallCommandDoneEvent"]


class ResponseShellCallCommandDoneEvent(APIObject):
    """A streaming event that indicated a shell command was completed."""

    command: str = ""
    command_index: int = 0
    output_index: int = 0
    sequence_number: int = 0
    type: Literal["response.shell_call_command.done"] = "response.shell_call_command.done"
