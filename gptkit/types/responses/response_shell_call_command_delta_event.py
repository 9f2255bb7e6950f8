"""The ``response.shell_call_command.delta`` stream event."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject

__all__ = ["ResponseShellCallCommandDeltaEvent"]


class ResponseShellCallCommandDeltaEvent(APIObject):
    """A streaming event that indicated a shell command was incrementally updated."""

    command_index: int = 0
    delta: str = ""
    output_index: int = 0
    sequence_number: int = 0
    type: Literal["response.shell_call_command.delta"] = "response.shell_call_command.delta"
    obfuscation: str | None = None
