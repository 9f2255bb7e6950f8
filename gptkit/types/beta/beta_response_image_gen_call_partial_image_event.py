"""The beta ``response.image_generation_call.partial_image`` stream event (``client.beta.responses``)."""

from __future__ import annotations

from gptkit.types.beta._agent import Agent, agent_before
from gptkit.types.responses.response_image_gen_call_partial_image_event import (
    ResponseImageGenCallPartialImageEvent,
)

__all__ = ["Agent", "BetaResponseImageGenCallPartialImageEvent"]


@agent_before("background")
class BetaResponseImageGenCallPartialImageEvent(ResponseImageGenCallPartialImageEvent):
    """``ResponseImageGenCallPartialImageEvent`` as the beta API sends it: a multi-agent response also
    names the agent the event belongs to (``agent``, None for the coordinator's own)."""

    agent: Agent | None = None
