"""What a transcription may include besides the text."""

from __future__ import annotations

from typing import Literal, TypeAlias

__all__ = ["TranscriptionInclude"]

TranscriptionInclude: TypeAlias = Literal["logprobs"]
