"""The beta ``response.output_text.done`` stream event (``client.beta.responses``)."""

from __future__ import annotations

from gptkit.types.beta._agent import Agent
from gptkit.types.responses.response_text_done_event import ResponseTextDoneEvent

__all__ = ["Agent", "BetaResponseTextDoneEvent"]


class BetaResponseTextDoneEvent(ResponseTextDoneEvent):
    """``ResponseTextDoneEvent`` as the beta API sends it: a multi-agent response also names the agent the
    event belongs to (``agent``, None for the coordinator's own)."""

    agent: Agent | None = None
