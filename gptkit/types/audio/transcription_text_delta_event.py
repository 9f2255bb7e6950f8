"""A piece of transcript streamed as it is recognised."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject
from gptkit.types.audio.transcription import Logprob

__all__ = ["Logprob", "TranscriptionTextDeltaEvent"]


class TranscriptionTextDeltaEvent(APIObject):
    """New text of the transcript (``delta``)."""

    delta: str = ""
    type: Literal["transcript.text.delta"]
    logprobs: list[Logprob] | None = None
    segment_id: str | None = None
