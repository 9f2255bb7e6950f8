"""One word of a transcript, with its timing (``timestamp_granularities=["word"]``)."""

from __future__ import annotations

from gptkit.types._base import APIObject

__all__ = ["TranscriptionWord"]


class TranscriptionWord(APIObject):
    """A word and when it starts and ends, in seconds."""

    end: float | None = None
    start: float | None = None
    word: str = ""
