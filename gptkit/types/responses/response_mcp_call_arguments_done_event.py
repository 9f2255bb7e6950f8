"""The ``response.mcp_call_arguments.done`` stream event."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject

__all__ = ["ResponseMcpCallArgumentsDoneEvent"]


class ResponseMcpCallArgumentsDoneEvent(APIObject):
    """Emitted when the arguments for an MCP tool call are finalized."""

    arguments: str = ""
    item_id: str = ""
    output_index: int = 0
    sequence_number: int = 0
    type: Literal["response.mcp_call_arguments.done"] = "response.mcp_call_arguments.done"
