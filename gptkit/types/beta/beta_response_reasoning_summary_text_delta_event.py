"""The beta ``response.reasoning_summary_text.delta`` stream event (``client.beta.responses``)."""

from __future__ import annotations

from gptkit.types.beta._agent import Agent
from gptkit.types.responses.response_reasoning_summary_text_delta_event import (
    ResponseReasoningSummaryTextDeltaEvent,
)

__all__ = ["Agent", "BetaResponseReasoningSummaryTextDeltaEvent"]


class BetaResponseReasoningSummaryTextDeltaEvent(ResponseReasoningSummaryTextDeltaEvent):
    """``ResponseReasoningSummaryTextDeltaEvent`` as the beta API sends it: a multi-agent response also
    names the agent the event belongs to (``agent``, None for the coordinator's own)."""

    agent: Agent | None = None
