"""The last event of a streamed transcription: the whole text and the usage."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject
from gptkit.types.audio.transcription import Logprob, UsageTokens, UsageTokensInputTokenDetails
from gptkit.types.audio.transcription_language import TranscriptionLanguage

__all__ = ["Logprob", "TranscriptionTextDoneEvent", "Usage", "UsageInputTokenDetails"]


# The same shapes as a transcription's token usage, under the names the official module gives them
# here (so a printed event reads ``Usage(...)`` under both packages).
class UsageInputTokenDetails(UsageTokensInputTokenDetails):
    """The input tokens split into audio and text (prompt) tokens."""


class Usage(UsageTokens):
    """What a streamed transcription used, in tokens."""

    input_token_details: UsageInputTokenDetails | None = None


class TranscriptionTextDoneEvent(APIObject):
    """The complete transcript (``text``) and what the call used (``usage``)."""

    text: str = ""
    type: Literal["transcript.text.done"]
    languages: list[TranscriptionLanguage] | None = None
    logprobs: list[Logprob] | None = None
    usage: Usage | None = None
