"""``client.audio``: speech, transcriptions and translations."""

from __future__ import annotations

from gptkit.resources._resource import AsyncResource, SyncResource
from gptkit.resources.audio.speech import AsyncSpeech, Speech
from gptkit.resources.audio.transcriptions import AsyncTranscriptions, Transcriptions
from gptkit.resources.audio.translations import AsyncTranslations, Translations

__all__ = ["AsyncAudio", "Audio"]


class Audio(SyncResource):
    """``client.audio`` of a ``Client``."""

    @property
    def speech(self) -> Speech:
        """Text to speech: ``client.audio.speech.create(...)``."""
        return self._sub(Speech)

    @property
    def transcriptions(self) -> Transcriptions:
        """Speech to text: ``client.audio.transcriptions.create(...)``."""
        return self._sub(Transcriptions)

    @property
    def translations(self) -> Translations:
        """Speech to English text: ``client.audio.translations.create(...)``."""
        return self._sub(Translations)


class AsyncAudio(AsyncResource):
    """``client.audio`` of an ``AsyncClient``."""

    @property
    def speech(self) -> AsyncSpeech:
        """Text to speech: ``await client.audio.speech.create(...)``."""
        return self._sub(AsyncSpeech)

    @property
    def transcriptions(self) -> AsyncTranscriptions:
        """Speech to text: ``await client.audio.transcriptions.create(...)``."""
        return self._sub(AsyncTranscriptions)

    @property
    def translations(self) -> AsyncTranslations:
        """Speech to English text: ``await client.audio.translations.create(...)``."""
        return self._sub(AsyncTranslations)
