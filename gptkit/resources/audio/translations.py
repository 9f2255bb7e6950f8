"""``client.audio.translations``: speech in any language to English text (multipart upload).

``response_format``: ``json`` (the default) a ``Translation``, ``verbose_json`` a
``TranslationVerbose`` (its ``duration`` is what Whisper bills), ``text`` / ``srt`` / ``vtt``
a ``str``.
"""

from __future__ import annotations

from typing import Any, Literal, overload

from typing_extensions import Unpack

from gptkit._core._base import Endpoint
from gptkit._core._params import ParamValidator
from gptkit._cost._media import TRANSCRIPTION_METER
from gptkit.resources._common import FileTypes, file_parts
from gptkit.resources._resource import AsyncResource, SyncResource
from gptkit.resources.audio._formats import plan
from gptkit.types._base import APIObject
from gptkit.types.audio.translation import Translation
from gptkit.types.audio.translation_create_params import TranslationCreateArgs, TranslationCreateFields
from gptkit.types.audio.translation_verbose import TranslationVerbose
from gptkit.types.request_options import RequestOptions

__all__ = ["AsyncTranslations", "TranslationCreateKwargs", "Translations"]

_NAME = "audio.translations.create"
TRANSLATE = Endpoint(
    method="POST", path="/audio/translations", response=Translation,
    validator=ParamValidator(TranslationCreateFields, _NAME), meter=TRANSCRIPTION_METER,
)
_MODELS: dict[str, type[APIObject]] = {"json": Translation, "verbose_json": TranslationVerbose}
_TEXT = Literal["text", "srt", "vtt"]


class TranslationCreateKwargs(TranslationCreateArgs, RequestOptions, total=False):
    """The keyword arguments of ``audio.translations.create`` besides ``file`` and
    ``response_format``."""


class Translations(SyncResource):
    """Translations of a ``Client``."""

    @overload
    def create(self, *, file: FileTypes, response_format: Literal["json"] | None = None,
               **params: Unpack[TranslationCreateKwargs]) -> Translation: ...
    @overload
    def create(self, *, file: FileTypes, response_format: Literal["verbose_json"],
               **params: Unpack[TranslationCreateKwargs]) -> TranslationVerbose: ...
    @overload
    def create(self, *, file: FileTypes, response_format: _TEXT,
               **params: Unpack[TranslationCreateKwargs]) -> str: ...
    def create(self, *, file: FileTypes, response_format: str | None = None,
               **params: Unpack[TranslationCreateKwargs]) -> Any:
        """Translate the speech in ``file`` into English text."""
        endpoint, body = plan(TRANSLATE, _NAME, response_format, _MODELS, params)
        with file_parts(_NAME, file=file) as parts:
            call = self._client._prepare(endpoint, body, raw=self._raw, files=parts)
            return self._client._execute(call)


class AsyncTranslations(AsyncResource):
    """Translations of an ``AsyncClient``."""

    @overload
    async def create(self, *, file: FileTypes, response_format: Literal["json"] | None = None,
                     **params: Unpack[TranslationCreateKwargs]) -> Translation: ...
    @overload
    async def create(self, *, file: FileTypes, response_format: Literal["verbose_json"],
                     **params: Unpack[TranslationCreateKwargs]) -> TranslationVerbose: ...
    @overload
    async def create(self, *, file: FileTypes, response_format: _TEXT,
                     **params: Unpack[TranslationCreateKwargs]) -> str: ...
    async def create(self, *, file: FileTypes, response_format: str | None = None,
                     **params: Unpack[TranslationCreateKwargs]) -> Any:
        """Translate the speech in ``file`` into English text."""
        endpoint, body = plan(TRANSLATE, _NAME, response_format, _MODELS, params)
        with file_parts(_NAME, file=file) as parts:
            call = self._client._prepare(endpoint, body, raw=self._raw, files=parts)
            return await self._client._execute(call)
