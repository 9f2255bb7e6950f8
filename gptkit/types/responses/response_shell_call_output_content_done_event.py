"""The ``response.shell_call_output_content.done`` stream event."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject
from gptkit.types.responses.response_function_shell_tool_call_output import (
    Output,
    OutputOutcome,
    OutputOutcomeExit,
    OutputOutcomeTimeout,
)

__all__ = [
    "Output",
    "OutputOutcome",
    "OutputOutcomeExit",
    "OutputOutcomeTimeout",
    "ResponseShellCallOutputContentDoneEvent",
]


class ResponseShellCallOutputContentDoneEvent(APIObject):
    """A streaming event that indicated shell call output was completed."""

    command_index: int = 0
    item_id: str = ""
    output: list[Output] = []
    output_index: int = 0
    sequence_number: int = 0
    type: Literal["response.shell_call_output_content.done"] = "response.shell_call_output_content.done"
