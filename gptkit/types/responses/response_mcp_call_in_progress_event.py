"""The ``response.mcp_call.in_progress`` stream event."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject

__all__ = ["ResponseMcpCallInProgressEvent"]


class ResponseMcpCallInProgressEvent(APIObject):
    """Emitted when an MCP tool call is in progress."""

    item_id: str = ""
    output_index: int = 0
    sequence_number: int = 0
    type: Literal["response.mcp_call.in_progress"] = "response.mcp_call.in_progress"
