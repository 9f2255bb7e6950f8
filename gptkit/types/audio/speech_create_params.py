"""The parameters of ``audio.speech.create``."""

from __future__ import annotations

from typing import Annotated, TypeAlias

from pydantic import ConfigDict, Field, with_config
from typing_extensions import Required, TypedDict

__all__ = ["SpeechCreateParams", "Voice", "VoiceID"]


class VoiceID(TypedDict, total=False):
    """A custom voice, by id (``{"id": "voice_1234"}``)."""

    id: Required[str]


#: A built-in voice's name (``alloy``, ``ash``, ``coral``...) or a custom voice.
Voice: TypeAlias = str | VoiceID


@with_config(ConfigDict(extra="forbid"))
class SpeechCreateParams(TypedDict, total=False):
    """The parameters of ``audio.speech.create``."""

    input: Required[Annotated[str, Field(min_length=1, max_length=4096)]]
    model: Required[Annotated[str, Field(min_length=1)]]
    voice: Required[Voice]
    instructions: Annotated[str, Field(max_length=4096)]
    response_format: str
    speed: Annotated[float, Field(ge=0.25, le=4.0)]
    stream_format: str
