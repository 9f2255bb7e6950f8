"""The beta ``response.reasoning_text.delta`` stream event (``client.beta.responses``)."""

from __future__ import annotations

from gptkit.types.beta._agent import Agent
from gptkit.types.responses.response_reasoning_text_delta_event import ResponseReasoningTextDeltaEvent

__all__ = ["Agent", "BetaResponseReasoningTextDeltaEvent"]


class BetaResponseReasoningTextDeltaEvent(ResponseReasoningTextDeltaEvent):
    """``ResponseReasoningTextDeltaEvent`` as the beta API sends it: a multi-agent response also names the
    agent the event belongs to (``agent``, None for the coordinator's own)."""

    agent: Agent | None = None
