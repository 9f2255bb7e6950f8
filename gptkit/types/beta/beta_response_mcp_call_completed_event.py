"""The beta ``response.mcp_call.completed`` stream event (``client.beta.responses``)."""

from __future__ import annotations

from gptkit.types.beta._agent import Agent
from gptkit.types.responses.response_mcp_call_completed_event import ResponseMcpCallCompletedEvent

__all__ = ["Agent", "BetaResponseMcpCallCompletedEvent"]


class BetaResponseMcpCallCompletedEvent(ResponseMcpCallCompletedEvent):
    """``ResponseMcpCallCompletedEvent`` as the beta API sends it: a multi-agent response also names the
    agent the event belongs to (``agent``, None for the coordinator's own)."""

    agent: Agent | None = None
