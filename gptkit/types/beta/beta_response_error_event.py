"""The beta ``error`` stream event (``client.beta.responses``)."""

from __future__ import annotations

from gptkit.types.beta._agent import Agent
from gptkit.types.responses.response_error_event import ResponseErrorEvent

__all__ = ["Agent", "BetaResponseErrorEvent"]


class BetaResponseErrorEvent(ResponseErrorEvent):
    """``ResponseErrorEvent`` as the beta API sends it: a multi-agent response also names the agent the
    event belongs to (``agent``, None for the coordinator's own)."""

    agent: Agent | None = None
