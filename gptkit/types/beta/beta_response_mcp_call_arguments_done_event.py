"""The beta ``response.mcp_call_arguments.done`` stream event (``client.beta.responses``)."""

from __future__ import annotations

from gptkit.types.beta._agent import Agent
from gptkit.types.responses.response_mcp_call_arguments_done_event import ResponseMcpCallArgumentsDoneEvent

__all__ = ["Agent", "BetaResponseMcpCallArgumentsDoneEvent"]


class BetaResponseMcpCallArgumentsDoneEvent(ResponseMcpCallArgumentsDoneEvent):
    """``ResponseMcpCallArgumentsDoneEvent`` as the beta API sends it: a multi-agent response also names
    the agent the event belongs to (``agent``, None for the coordinator's own)."""

    agent: Agent | None = None
