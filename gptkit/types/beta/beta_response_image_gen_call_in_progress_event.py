"""The beta ``response.image_generation_call.in_progress`` stream event (``client.beta.responses``)."""

from __future__ import annotations

from gptkit.types.beta._agent import Agent
from gptkit.types.responses.response_image_gen_call_in_progress_event import (
    ResponseImageGenCallInProgressEvent,
)

__all__ = ["Agent", "BetaResponseImageGenCallInProgressEvent"]


class BetaResponseImageGenCallInProgressEvent(ResponseImageGenCallInProgressEvent):
    """``ResponseImageGenCallInProgressEvent`` as the beta API sends it: a multi-agent response also names
    the agent the event belongs to (``agent``, None for the coordinator's own)."""

    agent: Agent | None = None
