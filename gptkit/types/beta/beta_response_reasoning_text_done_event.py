"""The beta ``response.reasoning_text.done`` stream event (``client.beta.responses``)."""

from __future__ import annotations

from gptkit.types.beta._agent import Agent
from gptkit.types.responses.response_reasoning_text_done_event import ResponseReasoningTextDoneEvent

__all__ = ["Agent", "BetaResponseReasoningTextDoneEvent"]


class BetaResponseReasoningTextDoneEvent(ResponseReasoningTextDoneEvent):
    """``ResponseReasoningTextDoneEvent`` as the beta API sends it: a multi-agent response also names the
    agent the event belongs to (``agent``, None for the coordinator's own)."""

    agent: Agent | None = None
