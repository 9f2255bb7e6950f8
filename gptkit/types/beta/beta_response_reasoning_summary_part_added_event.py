"""The beta ``response.reasoning_summary_part.added`` stream event (``client.beta.responses``)."""

from __future__ import annotations

from gptkit.types.beta._agent import Agent
from gptkit.types.responses.response_reasoning_summary_part_added_event import (
    ResponseReasoningSummaryPartAddedEvent,
)

__all__ = ["Agent", "BetaResponseReasoningSummaryPartAddedEvent"]


class BetaResponseReasoningSummaryPartAddedEvent(ResponseReasoningSummaryPartAddedEvent):
    """``ResponseReasoningSummaryPartAddedEvent`` as the beta API sends it: a multi-agent response also
    names the agent the event belongs to (``agent``, None for the coordinator's own)."""

    agent: Agent | None = None
