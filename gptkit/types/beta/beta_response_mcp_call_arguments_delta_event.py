"""The beta ``response.mcp_call_arguments.delta`` stream event (``client.beta.responses``)."""

from __future__ import annotations

from gptkit.types.beta._agent import Agent
from gptkit.types.responses.response_mcp_call_arguments_delta_event import ResponseMcpCallArgumentsDeltaEvent

__all__ = ["Agent", "BetaResponseMcpCallArgumentsDeltaEvent"]


class BetaResponseMcpCallArgumentsDeltaEvent(ResponseMcpCallArgumentsDeltaEvent):
    """``ResponseMcpCallArgumentsDeltaEvent`` as the beta API sends it: a multi-agent response also names
    the agent the event belongs to (``agent``, None for the coordinator's own)."""

    agent: Agent | None = None
