"""What ``audio.transcriptions.create`` returns for a JSON ``response_format``."""

from __future__ import annotations

from typing import TypeAlias

from gptkit.types.audio.transcription import Transcription
from gptkit.types.audio.transcription_diarized import TranscriptionDiarized
from gptkit.types.audio.transcription_verbose import TranscriptionVerbose

__all__ = ["TranscriptionCreateResponse"]

TranscriptionCreateResponse: TypeAlias = Transcription | TranscriptionDiarized | TranscriptionVerbose
