"""``tool_choice`` restricted to a subset of the tools (``{"type": "allowed_tools", ...}``)."""

from __future__ import annotations

from typing import Any, Literal

from gptkit.types._base import APIObject

__all__ = ["ToolChoiceAllowed"]


class ToolChoiceAllowed(APIObject):
    """The model may call only ``tools`` (tool definitions as sent); ``mode`` is ``auto`` or ``required``."""

    mode: str = "auto"
    tools: list[dict[str, Any]] = []
    type: Literal["allowed_tools"] = "allowed_tools"
