"""A verbose translation (``response_format="verbose_json"``): language, duration, segments."""

from __future__ import annotations

from gptkit.types._base import BilledObject
from gptkit.types.audio.transcription_segment import TranscriptionSegment

__all__ = ["TranslationVerbose"]


class TranslationVerbose(BilledObject):
    """The English text with the audio's language, ``duration`` (what is billed) and segments."""

    duration: float | None = None
    language: str | None = None
    text: str = ""
    segments: list[TranscriptionSegment] | None = None
