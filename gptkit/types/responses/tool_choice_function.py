"""``tool_choice`` forcing one function (``{"type": "function", "name": ...}``)."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject

__all__ = ["ToolChoiceFunction"]


class ToolChoiceFunction(APIObject):
    """The model must call the function ``name``."""

    name: str
    type: Literal["function"] = "function"
