"""Wire types of ``client.audio``: speech, transcriptions and translations.

The submodules load on first use of one of their names, as in ``gptkit.types``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gptkit.types.audio.speech_create_params import SpeechCreateParams
    from gptkit.types.audio.speech_model import SpeechModel
    from gptkit.types.audio.transcription import Transcription
    from gptkit.types.audio.transcription_create_params import TranscriptionCreateParams
    from gptkit.types.audio.transcription_create_response import TranscriptionCreateResponse
    from gptkit.types.audio.transcription_diarized import TranscriptionDiarized
    from gptkit.types.audio.transcription_diarized_segment import TranscriptionDiarizedSegment
    from gptkit.types.audio.transcription_include import TranscriptionInclude
    from gptkit.types.audio.transcription_language import TranscriptionLanguage
    from gptkit.types.audio.transcription_segment import TranscriptionSegment
    from gptkit.types.audio.transcription_stream_event import TranscriptionStreamEvent
    from gptkit.types.audio.transcription_text_delta_event import TranscriptionTextDeltaEvent
    from gptkit.types.audio.transcription_text_done_event import TranscriptionTextDoneEvent
    from gptkit.types.audio.transcription_text_segment_event import TranscriptionTextSegmentEvent
    from gptkit.types.audio.transcription_verbose import TranscriptionVerbose
    from gptkit.types.audio.transcription_word import TranscriptionWord
    from gptkit.types.audio.translation import Translation
    from gptkit.types.audio.translation_create_params import TranslationCreateParams
    from gptkit.types.audio.translation_create_response import TranslationCreateResponse
    from gptkit.types.audio.translation_verbose import TranslationVerbose

#: Public name -> the submodule that defines it (each is named after the class, in snake case).
_SUBMODULES: dict[str, str] = {
    "SpeechCreateParams": "speech_create_params",
    "SpeechModel": "speech_model",
    "Transcription": "transcription",
    "TranscriptionCreateParams": "transcription_create_params",
    "TranscriptionCreateResponse": "transcription_create_response",
    "TranscriptionDiarized": "transcription_diarized",
    "TranscriptionDiarizedSegment": "transcription_diarized_segment",
    "TranscriptionInclude": "transcription_include",
    "TranscriptionLanguage": "transcription_language",
    "TranscriptionSegment": "transcription_segment",
    "TranscriptionStreamEvent": "transcription_stream_event",
    "TranscriptionTextDeltaEvent": "transcription_text_delta_event",
    "TranscriptionTextDoneEvent": "transcription_text_done_event",
    "TranscriptionTextSegmentEvent": "transcription_text_segment_event",
    "TranscriptionVerbose": "transcription_verbose",
    "TranscriptionWord": "transcription_word",
    "Translation": "translation",
    "TranslationCreateParams": "translation_create_params",
    "TranslationCreateResponse": "translation_create_response",
    "TranslationVerbose": "translation_verbose",
}


def __getattr__(name: str) -> Any:
    import importlib

    if name in set(_SUBMODULES.values()):
        return importlib.import_module(f"gptkit.types.audio.{name}")
    submodule = _SUBMODULES.get(name)
    if submodule is None:
        raise AttributeError(f"module 'gptkit.types.audio' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"gptkit.types.audio.{submodule}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_SUBMODULES))


__all__ = [
    "SpeechCreateParams",
    "SpeechModel",
    "Transcription",
    "TranscriptionCreateParams",
    "TranscriptionCreateResponse",
    "TranscriptionDiarized",
    "TranscriptionDiarizedSegment",
    "TranscriptionInclude",
    "TranscriptionLanguage",
    "TranscriptionSegment",
    "TranscriptionStreamEvent",
    "TranscriptionTextDeltaEvent",
    "TranscriptionTextDoneEvent",
    "TranscriptionTextSegmentEvent",
    "TranscriptionVerbose",
    "TranscriptionWord",
    "Translation",
    "TranslationCreateParams",
    "TranslationCreateResponse",
    "TranslationVerbose",
]
