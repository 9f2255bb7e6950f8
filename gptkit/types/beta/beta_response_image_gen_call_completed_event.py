"""The beta ``response.image_generation_call.completed`` stream event (``client.beta.responses``)."""

from __future__ import annotations

from gptkit.types.beta._agent import Agent
from gptkit.types.responses.response_image_gen_call_completed_event import ResponseImageGenCallCompletedEvent

__all__ = ["Agent", "BetaResponseImageGenCallCompletedEvent"]


class BetaResponseImageGenCallCompletedEvent(ResponseImageGenCallCompletedEvent):
    """``ResponseImageGenCallCompletedEvent`` as the beta API sends it: a multi-agent response also names
    the agent the event belongs to (``agent``, None for the coordinator's own)."""

    agent: Agent | None = None
