"""The ``response.shell_call_output_content.delta`` stream event."""

from __future__ import annotations

from typing import Any, Literal

from gptkit.types._base import APIObject

__all__ = ["ResponseShellCallOutputContentDeltaEvent"]


class ResponseShellCallOutputContentDeltaEvent(APIObject):
    """A streaming event that indicated shell call output was incrementally added."""

    command_index: int = 0
    delta: Any = None
    item_id: str = ""
    output_index: int = 0
    sequence_number: int = 0
    type: Literal["response.shell_call_output_content.delta"] = "response.shell_call_output_content.delta"
