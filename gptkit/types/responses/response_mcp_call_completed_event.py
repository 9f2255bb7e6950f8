"""The ``response.mcp_call.completed`` stream event."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject

__all__ = ["ResponseMcpCallCompletedEvent"]


class ResponseMcpCallCompletedEvent(APIObject):
    """Emitted when an MCP tool call has completed successfully."""

    item_id: str = ""
    output_index: int = 0
    sequence_number: int = 0
    type: Literal["response.mcp_call.completed"] = "response.mcp_call.completed"
