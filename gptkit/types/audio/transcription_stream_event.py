"""The events of a streamed transcription (``audio.transcriptions.create(stream=True)``)."""

from __future__ import annotations

from typing import TypeAlias

from gptkit.types.audio.transcription_text_delta_event import TranscriptionTextDeltaEvent
from gptkit.types.audio.transcription_text_done_event import TranscriptionTextDoneEvent
from gptkit.types.audio.transcription_text_segment_event import TranscriptionTextSegmentEvent

__all__ = ["TranscriptionStreamEvent"]

#: A text delta, a speaker segment, or the final text (told apart by ``type``).
TranscriptionStreamEvent: TypeAlias = (
    TranscriptionTextSegmentEvent | TranscriptionTextDeltaEvent | TranscriptionTextDoneEvent
)
