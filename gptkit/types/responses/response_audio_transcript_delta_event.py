"""The ``response.audio.transcript.delta`` stream event."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject

__all__ = ["ResponseAudioTranscriptDeltaEvent"]


class ResponseAudioTranscriptDeltaEvent(APIObject):
    """Emitted when there is a partial transcript of audio."""

    delta: str = ""
    sequence_number: int = 0
    type: Literal["response.audio.transcript.delta"] = "response.audio.transcript.delta"
