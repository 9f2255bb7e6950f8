"""The beta ``response.web_search_call.searching`` stream event (``client.beta.responses``)."""

from __future__ import annotations

from gptkit.types.beta._agent import Agent
from gptkit.types.responses.response_web_search_call_searching_event import (
    ResponseWebSearchCallSearchingEvent,
)

__all__ = ["Agent", "BetaResponseWebSearchCallSearchingEvent"]


class BetaResponseWebSearchCallSearchingEvent(ResponseWebSearchCallSearchingEvent):
    """``ResponseWebSearchCallSearchingEvent`` as the beta API sends it: a multi-agent response also names
    the agent the event belongs to (``agent``, None for the coordinator's own)."""

    agent: Agent | None = None
