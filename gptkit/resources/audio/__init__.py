"""``client.audio``: speech, transcriptions and translations."""

from __future__ import annotations

from typing import Final

from gptkit.resources._resource import AsyncResource, Sub, SyncResource, _Resource
from gptkit.resources.audio.speech import AsyncSpeech, Speech
from gptkit.resources.audio.transcriptions import AsyncTranscriptions, Transcriptions
from gptkit.resources.audio.translations import AsyncTranslations, Translations

__all__ = ["AsyncAudio", "Audio"]


class _AudioSpace(_Resource):
    speech: Final = Sub(Speech, AsyncSpeech)
    """Text to speech: ``client.audio.speech.create(...)`` (awaited on an ``AsyncClient``)."""
    transcriptions: Final = Sub(Transcriptions, AsyncTranscriptions)
    """Speech to text: ``client.audio.transcriptions.create(...)``."""
    translations: Final = Sub(Translations, AsyncTranslations)
    """Speech to English text: ``client.audio.translations.create(...)``."""


class Audio(_AudioSpace, SyncResource):
    """``client.audio`` of a ``Client``."""


class AsyncAudio(_AudioSpace, AsyncResource):
    """``client.audio`` of an ``AsyncClient``."""
