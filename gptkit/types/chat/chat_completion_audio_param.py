"""``ChatCompletionAudioParam``: the voice and format of an audio answer."""

from __future__ import annotations

from typing import Literal, TypeAlias

from pydantic import with_config
from typing_extensions import Required, TypedDict

from gptkit.types._base import OPEN_PARAMS

__all__ = ["ChatCompletionAudioParam", "Voice", "VoiceID"]


@with_config(OPEN_PARAMS)
class VoiceID(TypedDict, total=False):
    """A custom voice, by ``id``."""

    id: Required[str]


#: A built-in voice's name (``alloy``, ``coral``, ...) or a custom voice.
Voice: TypeAlias = str | VoiceID


@with_config(OPEN_PARAMS)
class ChatCompletionAudioParam(TypedDict, total=False):
    """``{"voice": "alloy", "format": "mp3"}``."""

    format: Required[Literal["wav", "aac", "mp3", "flac", "opus", "pcm16"]]
    voice: Required[Voice]
