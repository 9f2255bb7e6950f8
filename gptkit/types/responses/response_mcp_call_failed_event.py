"""The ``response.mcp_call.failed`` stream event."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject

__all__ = ["ResponseMcpCallFailedEvent"]


class ResponseMcpCallFailedEvent(APIObject):
    """Emitted when an MCP tool call has failed."""

    item_id: str = ""
    output_index: int = 0
    sequence_number: int = 0
    type: Literal["response.mcp_call.failed"] = "response.mcp_call.failed"
