"""One segment of a verbose transcript or translation."""

from __future__ import annotations

from gptkit.types._base import APIObject

__all__ = ["TranscriptionSegment"]


class TranscriptionSegment(APIObject):
    """A stretch of the audio: its text, timing and the model's confidence figures."""

    id: int | None = None
    avg_logprob: float | None = None
    compression_ratio: float | None = None
    end: float | None = None
    no_speech_prob: float | None = None
    seek: int | None = None
    start: float | None = None
    temperature: float | None = None
    text: str = ""
    tokens: list[int] | None = None
