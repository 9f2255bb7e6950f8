"""A transcript that says who spoke when (``response_format="diarized_json"``)."""

from __future__ import annotations

from gptkit.types._base import BilledObject
from gptkit.types.audio.transcription import Usage, UsageDuration, UsageTokens, UsageTokensInputTokenDetails
from gptkit.types.audio.transcription_diarized_segment import TranscriptionDiarizedSegment

__all__ = ["TranscriptionDiarized", "Usage", "UsageDuration", "UsageTokens", "UsageTokensInputTokenDetails"]


class TranscriptionDiarized(BilledObject):
    """The transcript as speaker segments, with the audio's ``duration``."""

    duration: float | None = None
    segments: list[TranscriptionDiarizedSegment] = []
    task: str | None = None
    text: str = ""
    usage: Usage | None = None
