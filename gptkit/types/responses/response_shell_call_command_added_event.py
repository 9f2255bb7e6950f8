"""The ``response.shell_call_command.added`` stream event."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject

__all__ = ["ResponseShellCallCommandAddedEvent"]


class ResponseShellCallCommandAddedEvent(APIObject):
    """A streaming event that indicated a shell command was added to a tool call."""

    command: str = ""
    command_index: int = 0
    output_index: int = 0
    sequence_number: int = 0
    type: Literal["response.shell_call_command.added"] = "response.shell_call_command.added"
