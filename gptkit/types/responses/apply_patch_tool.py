"""``ApplyPatchTool``: let the model edit files by patches, as a response lists its tools."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject

__all__ = ["ApplyPatchTool"]


class ApplyPatchTool(APIObject):
    """The apply-patch tool (``apply_patch``)."""

    type: Literal["apply_patch"] = "apply_patch"
    allowed_callers: list[str] | None = None
