"""The ``response.mcp_call_arguments.delta`` stream event."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject

__all__ = ["ResponseMcpCallArgumentsDeltaEvent"]


class ResponseMcpCallArgumentsDeltaEvent(APIObject):
    """Emitted when there is a delta (partial update) to the arguments of an MCP tool call."""

    delta: str = ""
    item_id: str = ""
    output_index: int = 0
    sequence_number: int = 0
    type: Literal["response.mcp_call_arguments.delta"] = "response.mcp_call_arguments.delta"
