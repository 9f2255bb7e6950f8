"""The ``response.mcp_list_tools.in_progress`` stream event."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject

__all__ = ["ResponseMcpListToolsInProgressEvent"]


class ResponseMcpListToolsInProgressEvent(APIObject):
    """Emitted when the system is in the process of retrieving the list of available MCP tools."""

    item_id: str = ""
    output_index: int = 0
    sequence_number: int = 0
    type: Literal["response.mcp_list_tools.in_progress"] = "response.mcp_list_tools.in_progress"
