"""The last event of a streamed transcription: the whole text and the usage."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject
from gptkit.types.audio.transcription import Logprob
from gptkit.types.audio.transcription import UsageTokens as Usage
from gptkit.types.audio.transcription import UsageTokensInputTokenDetails as UsageInputTokenDetails
from gptkit.types.audio.transcription_language import TranscriptionLanguage

__all__ = ["Logprob", "TranscriptionTextDoneEvent", "Usage", "UsageInputTokenDetails"]


class TranscriptionTextDoneEvent(APIObject):
    """The complete transcript (``text``) and what the call used (``usage``)."""

    text: str = ""
    type: Literal["transcript.text.done"]
    languages: list[TranscriptionLanguage] | None = None
    logprobs: list[Logprob] | None = None
    usage: Usage | None = None
