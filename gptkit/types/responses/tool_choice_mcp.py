"""``tool_choice`` forcing a tool of a remote MCP server (``{"type": "mcp", ...}``)."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject

__all__ = ["ToolChoiceMcp"]


class ToolChoiceMcp(APIObject):
    """The model must use the MCP server ``server_label`` (its tool ``name``, when given)."""

    server_label: str
    type: Literal["mcp"] = "mcp"
    name: str | None = None
