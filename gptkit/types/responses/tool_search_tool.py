"""``ToolSearchTool``: lets the model search for tools loaded on demand."""

from __future__ import annotations

from typing import Any, Literal

from gptkit.types._base import APIObject

__all__ = ["ToolSearchTool"]


class ToolSearchTool(APIObject):
    """Search the tools marked ``defer_loading`` (run by the server, or by the caller)."""

    type: Literal["tool_search"] = "tool_search"
    description: str | None = None
    execution: str | None = None
    parameters: Any = None
