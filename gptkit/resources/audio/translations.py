"""``client.audio.translations``: speech in any language to English text (multipart upload).

``response_format``: ``json`` (the default) a ``Translation``, ``verbose_json`` a
``TranslationVerbose`` (its ``duration`` is what Whisper bills), ``text`` / ``srt`` / ``vtt``
a ``str``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar, overload

from typing_extensions import Unpack

from gptkit._core._base import Endpoint
from gptkit._core._params import ParamValidator
from gptkit._cost._media import TRANSCRIPTION_METER
from gptkit.resources._common import FileTypes, file_parts
from gptkit.resources._resource import AsyncResource, SyncResource, _Resource
from gptkit.resources._twin import Awaits, twin
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


_Plain = TypeVar("_Plain")
_Verbose = TypeVar("_Verbose")
_Text = TypeVar("_Text")


class _TranslationsAPI(_Resource, Generic[_Plain, _Verbose, _Text]):
    """``create`` written once; the results it declares are each client's (see ``_twin``)."""

    @overload
    def create(self, *, file: FileTypes, response_format: Literal["json"] | None = None,
               **params: Unpack[TranslationCreateKwargs]) -> _Plain: ...
    @overload
    def create(self, *, file: FileTypes, response_format: Literal["verbose_json"],
               **params: Unpack[TranslationCreateKwargs]) -> _Verbose: ...
    @overload
    def create(self, *, file: FileTypes, response_format: _TEXT,
               **params: Unpack[TranslationCreateKwargs]) -> _Text: ...
    def create(self, *, file: FileTypes, response_format: str | None = None,
               **params: Unpack[TranslationCreateKwargs]) -> Any:
        """Translate the speech in ``file`` into English text."""
        endpoint, body = plan(TRANSLATE, _NAME, response_format, _MODELS, params)
        return self._upload(endpoint, body, file_parts(_NAME, file=file))


class Translations(_TranslationsAPI[Translation, TranslationVerbose, str], SyncResource):
    """Translations of a ``Client``."""


class AsyncTranslations(
    _TranslationsAPI[Awaits[Translation], Awaits[TranslationVerbose], Awaits[str]], AsyncResource
):
    """Translations of an ``AsyncClient``: ``Translations.create``, awaited."""

    if not TYPE_CHECKING:
        create = twin(_TranslationsAPI.create)
