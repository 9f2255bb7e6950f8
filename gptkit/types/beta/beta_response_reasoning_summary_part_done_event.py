"""The beta ``response.reasoning_summary_part.done`` stream event (``client.beta.responses``)."""

from __future__ import annotations

from gptkit.types.beta._agent import Agent, agent_before
from gptkit.types.responses.response_reasoning_summary_part_done_event import (
    ResponseReasoningSummaryPartDoneEvent,
)

__all__ = ["Agent", "BetaResponseReasoningSummaryPartDoneEvent"]


@agent_before("status")
class BetaResponseReasoningSummaryPartDoneEvent(ResponseReasoningSummaryPartDoneEvent):
    """``ResponseReasoningSummaryPartDoneEvent`` as the beta API sends it: a multi-agent response also
    names the agent the event belongs to (``agent``, None for the coordinator's own)."""

    agent: Agent | None = None
