"""The ``response.mcp_list_tools.failed`` stream event."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject

__all__ = ["ResponseMcpListToolsFailedEvent"]


class ResponseMcpListToolsFailedEvent(APIObject):
    """Emitted when the attempt to list available MCP tools has failed."""

    item_id: str = ""
    output_index: int = 0
    sequence_number: int = 0
    type: Literal["response.mcp_list_tools.failed"] = "response.mcp_list_tools.failed"
