"""``tool_choice`` naming a built-in tool (``{"type": "file_search"}``, ``web_search_preview``...)."""

from __future__ import annotations

from gptkit.types._base import APIObject

__all__ = ["ToolChoiceTypes"]


class ToolChoiceTypes(APIObject):
    """The model must use the built-in tool ``type`` (any ``type`` gptkit does not know lands here too)."""

    type: str
