"""A transcript (``response_format="json"``, the default), and its usage."""

from __future__ import annotations

from typing import Annotated, Any, Literal, TypeAlias

from pydantic import Discriminator, Tag

from gptkit.types._base import APIObject, BilledObject
from gptkit.types.audio.transcription_language import TranscriptionLanguage

__all__ = [
    "Logprob", "Transcription", "Usage", "UsageDuration", "UsageTokens", "UsageTokensInputTokenDetails",
]


class Logprob(APIObject):
    """A token of the transcript and its log probability (``include=["logprobs"]``)."""

    token: str | None = None
    bytes: list[float] | None = None
    logprob: float | None = None


class UsageTokensInputTokenDetails(APIObject):
    """The input tokens split into audio and text (prompt) tokens."""

    audio_tokens: int | None = None
    text_tokens: int | None = None


class UsageTokens(APIObject):
    """Usage of a model billed by tokens (``gpt-4o-transcribe``...)."""

    input_tokens: int = 0
    output_tokens: int = 0
    total_tokens: int = 0
    type: Literal["tokens"] = "tokens"
    input_token_details: UsageTokensInputTokenDetails | None = None


class UsageDuration(APIObject):
    """Usage of a model billed by the second of audio (``whisper-1``)."""

    seconds: float = 0.0
    type: Literal["duration"] = "duration"


def _usage_kind(value: Any) -> str:
    kind = value.get("type") if isinstance(value, dict) else getattr(value, "type", None)
    return kind if kind in ("tokens", "duration") else "other"


#: What a transcription used: tokens or seconds of audio (told apart by ``type``; a kind of usage
#: gptkit does not know yet is kept as a plain object).
Usage: TypeAlias = Annotated[
    Annotated[UsageTokens, Tag("tokens")] | Annotated[UsageDuration, Tag("duration")]
    | Annotated[APIObject, Tag("other")],
    Discriminator(_usage_kind),
]


class Transcription(BilledObject):
    """The text of the audio; ``cost`` is priced from ``usage`` where the price is known."""

    text: str = ""
    languages: list[TranscriptionLanguage] | None = None
    logprobs: list[Logprob] | None = None
    usage: Usage | None = None
