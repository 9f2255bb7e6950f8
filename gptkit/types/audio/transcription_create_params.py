"""The parameters of ``audio.transcriptions.create`` (the audio ``file`` is sent as a part)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Any, Literal, TypeAlias

from pydantic import ConfigDict, Field, with_config
from typing_extensions import Required, TypedDict

__all__ = [
    "ChunkingStrategy",
    "ChunkingStrategyVadConfig",
    "TranscriptionCreateArgs",
    "TranscriptionCreateFields",
    "TranscriptionCreateParams",
    "TranscriptionCreateParamsBase",
    "TranscriptionCreateParamsNonStreaming",
    "TranscriptionCreateParamsStreaming",
]


class ChunkingStrategyVadConfig(TypedDict, total=False):
    """Cut the audio where the server's voice activity detection finds silence."""

    type: Required[Literal["server_vad"]]
    prefix_padding_ms: int
    silence_duration_ms: int
    threshold: Annotated[float, Field(ge=0, le=1)]


ChunkingStrategy: TypeAlias = Literal["auto"] | ChunkingStrategyVadConfig


@with_config(ConfigDict(extra="forbid"))
class TranscriptionCreateArgs(TypedDict, total=False):
    """The form fields of ``audio.transcriptions.create`` other than ``response_format`` and
    ``stream`` (the method's own arguments: they decide what it returns)."""

    model: Required[Annotated[str, Field(min_length=1)]]
    chunking_strategy: ChunkingStrategy | None
    include: Sequence[str]
    keywords: Sequence[str]
    known_speaker_names: Sequence[str]
    known_speaker_references: Sequence[str]
    language: str
    languages: Sequence[str]
    prompt: str
    temperature: Annotated[float, Field(ge=0, le=1)]
    timestamp_granularities: Sequence[Literal["word", "segment"]]


@with_config(ConfigDict(extra="forbid"))
class TranscriptionCreateFields(TranscriptionCreateArgs, total=False):
    """The form fields of ``audio.transcriptions.create``: what is validated before sending."""

    response_format: str
    stream: bool


class TranscriptionCreateParamsBase(TranscriptionCreateArgs, total=False):
    """Every parameter of ``audio.transcriptions.create``, the audio ``file`` included."""

    file: Required[Any]
    response_format: str


class TranscriptionCreateParamsNonStreaming(TranscriptionCreateParamsBase, total=False):
    """The parameters of a transcription returned whole."""

    stream: Literal[False] | None


class TranscriptionCreateParamsStreaming(TranscriptionCreateParamsBase):
    """The parameters of a streamed transcription."""

    stream: Required[Literal[True]]


TranscriptionCreateParams: TypeAlias = (
    TranscriptionCreateParamsNonStreaming | TranscriptionCreateParamsStreaming
)
