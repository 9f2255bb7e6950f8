"""The beta ``response.refusal.done`` stream event (``client.beta.responses``)."""

from __future__ import annotations

from gptkit.types.beta._agent import Agent
from gptkit.types.responses.response_refusal_done_event import ResponseRefusalDoneEvent

__all__ = ["Agent", "BetaResponseRefusalDoneEvent"]


class BetaResponseRefusalDoneEvent(ResponseRefusalDoneEvent):
    """``ResponseRefusalDoneEvent`` as the beta API sends it: a multi-agent response also names the agent
    the event belongs to (``agent``, None for the coordinator's own)."""

    agent: Agent | None = None
