"""The ``response.shell_call_output_content.done`` stream event."""

from __future__ import annotations

from typing import Any, Literal

from gptkit.types._base import APIObject

__all__ = ["ResponseShellCallOutputContentDoneEvent"]


class ResponseShellCallOutputContentDoneEvent(APIObject):
    """A streaming event that indicated shell call output was completed."""

    command_index: int = 0
    item_id: str = ""
    output: list[Any] = []
    output_index: int = 0
    sequence_number: int = 0
    type: Literal["response.shell_call_output_content.done"] = "response.shell_call_output_content.done"
