"""The ``response.audio.done`` stream event."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject

__all__ = ["ResponseAudioDoneEvent"]


class ResponseAudioDoneEvent(APIObject):
    """Emitted when the audio response is complete."""

    sequence_number: int = 0
    type: Literal["response.audio.done"] = "response.audio.done"
