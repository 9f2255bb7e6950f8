"""The ``response.shell_call_output_content.delta`` stream event."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from gptkit.types._base import APIObject

__all__ = ["Delta", "ResponseShellCallOutputContentDeltaEvent"]


class Delta(APIObject):
    """The piece of output that arrived: from ``stdout`` or ``stderr``."""

    stderr: str | None = None
    stdout: str | None = None


class ResponseShellCallOutputContentDeltaEvent(APIObject):
    """A streaming event that indicated shell call output was incrementally added."""

    command_index: int = 0
    delta: Delta = Field(default_factory=Delta)
    item_id: str = ""
    output_index: int = 0
    sequence_number: int = 0
    type: Literal["response.shell_call_output_content.delta"] = "response.shell_call_output_content.delta"
