"""``tool_choice`` forcing the apply-patch tool (``{"type": "apply_patch"}``)."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject

__all__ = ["ToolChoiceApplyPatch"]


class ToolChoiceApplyPatch(APIObject):
    """The model must use the apply-patch tool."""

    type: Literal["apply_patch"] = "apply_patch"
