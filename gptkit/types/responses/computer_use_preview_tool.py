"""``ComputerUsePreviewTool``: operate a virtual computer, as a response lists its tools."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject

__all__ = ["ComputerUsePreviewTool"]


class ComputerUsePreviewTool(APIObject):
    """Operate a virtual computer of the given display size (``computer_use_preview``)."""

    display_height: int | None = None
    display_width: int | None = None
    environment: str | None = None
    type: Literal["computer_use_preview"] = "computer_use_preview"
