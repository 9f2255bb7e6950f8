"""The beta ``response.mcp_list_tools.in_progress`` stream event (``client.beta.responses``)."""

from __future__ import annotations

from gptkit.types.beta._agent import Agent
from gptkit.types.responses.response_mcp_list_tools_in_progress_event import (
    ResponseMcpListToolsInProgressEvent,
)

__all__ = ["Agent", "BetaResponseMcpListToolsInProgressEvent"]


class BetaResponseMcpListToolsInProgressEvent(ResponseMcpListToolsInProgressEvent):
    """``ResponseMcpListToolsInProgressEvent`` as the beta API sends it: a multi-agent response also names
    the agent the event belongs to (``agent``, None for the coordinator's own)."""

    agent: Agent | None = None
