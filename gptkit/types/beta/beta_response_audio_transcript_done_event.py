"""The beta ``response.audio.transcript.done`` stream event (``client.beta.responses``)."""

from __future__ import annotations

from gptkit.types.beta._agent import Agent
from gptkit.types.responses.response_audio_transcript_done_event import ResponseAudioTranscriptDoneEvent

__all__ = ["Agent", "BetaResponseAudioTranscriptDoneEvent"]


class BetaResponseAudioTranscriptDoneEvent(ResponseAudioTranscriptDoneEvent):
    """``ResponseAudioTranscriptDoneEvent`` as the beta API sends it: a multi-agent response also names
    the agent the event belongs to (``agent``, None for the coordinator's own)."""

    agent: Agent | None = None
