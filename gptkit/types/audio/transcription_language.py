"""A language detected in transcribed audio."""

from __future__ import annotations

from gptkit.types._base import APIObject

__all__ = ["TranscriptionLanguage"]


class TranscriptionLanguage(APIObject):
    """A language detected in the audio, by ``code``."""

    code: str | None = None
