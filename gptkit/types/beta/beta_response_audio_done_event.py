"""The beta ``response.audio.done`` stream event (``client.beta.responses``)."""

from __future__ import annotations

from gptkit.types.beta._agent import Agent
from gptkit.types.responses.response_audio_done_event import ResponseAudioDoneEvent

__all__ = ["Agent", "BetaResponseAudioDoneEvent"]


class BetaResponseAudioDoneEvent(ResponseAudioDoneEvent):
    """``ResponseAudioDoneEvent`` as the beta API sends it: a multi-agent response also names the agent
    the event belongs to (``agent``, None for the coordinator's own)."""

    agent: Agent | None = None
