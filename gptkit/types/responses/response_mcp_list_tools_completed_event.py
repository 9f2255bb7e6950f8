"""The ``response.mcp_list_tools.completed`` stream event."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject

__all__ = ["ResponseMcpListToolsCompletedEvent"]


class ResponseMcpListToolsCompletedEvent(APIObject):
    """Emitted when the list of available MCP tools has been successfully retrieved."""

    item_id: str = ""
    output_index: int = 0
    sequence_number: int = 0
    type: Literal["response.mcp_list_tools.completed"] = "response.mcp_list_tools.completed"
