"""The ``response.audio.delta`` stream event."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject

__all__ = ["ResponseAudioDeltaEvent"]


class ResponseAudioDeltaEvent(APIObject):
    """Emitted when there is a partial audio response."""

    delta: str = ""
    sequence_number: int = 0
    type: Literal["response.audio.delta"] = "response.audio.delta"
