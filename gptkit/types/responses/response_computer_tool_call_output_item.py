"""The screenshot answering a computer-use action (``computer_call_output`` item)."""

from __future__ import annotations

from typing import Any, Literal

from gptkit.types._base import APIObject

__all__ = ["ResponseComputerToolCallOutputItem"]


class ResponseComputerToolCallOutputItem(APIObject):
    """A ``computer_call_output``: ``output`` is the screenshot (``{"type": "computer_screenshot",
    "image_url": ...}``)."""

    type: Literal["computer_call_output"] = "computer_call_output"
    id: str = ""
    call_id: str = ""
    output: Any = None
    acknowledged_safety_checks: list[Any] | None = None
    status: str | None = None
