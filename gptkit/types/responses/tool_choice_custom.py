"""``tool_choice`` forcing one custom tool (``{"type": "custom", "name": ...}``)."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject

__all__ = ["ToolChoiceCustom"]


class ToolChoiceCustom(APIObject):
    """The model must call the custom tool ``name``."""

    name: str
    type: Literal["custom"] = "custom"
