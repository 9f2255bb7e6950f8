"""The ``response.audio.transcript.done`` stream event."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject

__all__ = ["ResponseAudioTranscriptDoneEvent"]


class ResponseAudioTranscriptDoneEvent(APIObject):
    """Emitted when the full audio transcript is completed."""

    sequence_number: int = 0
    type: Literal["response.audio.transcript.done"] = "response.audio.transcript.done"
