"""One speaker's stretch of a diarized transcript."""

from __future__ import annotations

from gptkit.types._base import APIObject

__all__ = ["TranscriptionDiarizedSegment"]


class TranscriptionDiarizedSegment(APIObject):
    """Who spoke (``speaker``), what, and when."""

    id: str | None = None
    end: float | None = None
    speaker: str | None = None
    start: float | None = None
    text: str = ""
    type: str = "transcript.text.segment"
