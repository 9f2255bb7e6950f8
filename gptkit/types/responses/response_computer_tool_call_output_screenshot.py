"""The screenshot a computer-use harness returns (``computer_call_output.output``)."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject

__all__ = ["ResponseComputerToolCallOutputScreenshot"]


class ResponseComputerToolCallOutputScreenshot(APIObject):
    """A screenshot, by ``image_url`` (often a data URL) or uploaded ``file_id``."""

    type: Literal["computer_screenshot"] = "computer_screenshot"
    file_id: str | None = None
    image_url: str | None = None
