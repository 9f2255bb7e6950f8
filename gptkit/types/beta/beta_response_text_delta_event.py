"""The beta ``response.output_text.delta`` stream event (``client.beta.responses``)."""

from __future__ import annotations

from gptkit.types.beta._agent import Agent
from gptkit.types.responses.response_text_delta_event import ResponseTextDeltaEvent

__all__ = ["Agent", "BetaResponseTextDeltaEvent"]


class BetaResponseTextDeltaEvent(ResponseTextDeltaEvent):
    """``ResponseTextDeltaEvent`` as the beta API sends it: a multi-agent response also names the agent
    the event belongs to (``agent``, None for the coordinator's own)."""

    agent: Agent | None = None
