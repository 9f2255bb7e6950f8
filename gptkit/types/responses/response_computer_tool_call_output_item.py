"""The screenshot answering a computer-use action (``computer_call_output`` item)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from gptkit.types._base import APIObject
from gptkit.types.responses.response_computer_tool_call_output_screenshot import (
    ResponseComputerToolCallOutputScreenshot,
)

__all__ = ["AcknowledgedSafetyCheck", "ResponseComputerToolCallOutputItem"]


class AcknowledgedSafetyCheck(APIObject):
    """A pending safety check the caller acknowledged."""

    id: str = ""
    code: str | None = None
    message: str | None = None


class ResponseComputerToolCallOutputItem(APIObject):
    """A ``computer_call_output``: ``output`` is the screenshot (``{"type": "computer_screenshot",
    "image_url": ...}``)."""

    id: str = ""
    call_id: str = ""
    output: ResponseComputerToolCallOutputScreenshot = Field(
        default_factory=ResponseComputerToolCallOutputScreenshot
    )
    status: str | None = None
    type: Literal["computer_call_output"] = "computer_call_output"
    acknowledged_safety_checks: list[AcknowledgedSafetyCheck] | None = None
    created_by: str | None = None
