"""``tool_choice`` forcing the shell tool (``{"type": "shell"}``)."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject

__all__ = ["ToolChoiceShell"]


class ToolChoiceShell(APIObject):
    """The model must use the shell tool."""

    type: Literal["shell"] = "shell"
