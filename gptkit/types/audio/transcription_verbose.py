"""A verbose transcript (``response_format="verbose_json"``): language, duration, segments."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject, BilledObject
from gptkit.types.audio.transcription_segment import TranscriptionSegment
from gptkit.types.audio.transcription_word import TranscriptionWord

__all__ = ["TranscriptionVerbose", "Usage"]


class Usage(APIObject):
    """The seconds of audio billed."""

    seconds: float = 0.0
    type: Literal["duration"] = "duration"


class TranscriptionVerbose(BilledObject):
    """The transcript with its language, the audio's ``duration`` and timed segments or words."""

    duration: float | None = None
    language: str | None = None
    text: str = ""
    segments: list[TranscriptionSegment] | None = None
    usage: Usage | None = None
    words: list[TranscriptionWord] | None = None
