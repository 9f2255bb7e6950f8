"""A finished speaker segment streamed by a diarizing transcription."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject

__all__ = ["TranscriptionTextSegmentEvent"]


class TranscriptionTextSegmentEvent(APIObject):
    """Who spoke (``speaker``), what, and when."""

    id: str | None = None
    end: float | None = None
    speaker: str | None = None
    start: float | None = None
    text: str = ""
    type: Literal["transcript.text.segment"]
