"""The beta ``response.queued`` stream event (``client.beta.responses``)."""

from __future__ import annotations

from gptkit.types.beta._agent import Agent
from gptkit.types.beta.beta_response import BetaResponse
from gptkit.types.responses.response_queued_event import ResponseQueuedEvent

__all__ = ["Agent", "BetaResponseQueuedEvent"]


class BetaResponseQueuedEvent(ResponseQueuedEvent):
    """``ResponseQueuedEvent`` as the beta API sends it: a multi-agent response also names the agent the
    event belongs to (``agent``, None for the coordinator's own)."""

    response: BetaResponse  # the beta twin of the GA response
    agent: Agent | None = None
