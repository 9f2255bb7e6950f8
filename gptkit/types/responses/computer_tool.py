"""``ComputerTool``: operate a computer, as a response lists its tools."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject

__all__ = ["ComputerTool"]


class ComputerTool(APIObject):
    """Operate a computer (the ``computer`` tool)."""

    type: Literal["computer"] = "computer"
