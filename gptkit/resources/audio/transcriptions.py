"""``client.audio.transcriptions``: speech to text, the audio uploaded as multipart form data.

``response_format`` decides the answer, as in the official package: ``json`` (the default) a
``Transcription``, ``verbose_json`` a ``TranscriptionVerbose``, ``diarized_json`` a
``TranscriptionDiarized``, ``text`` / ``srt`` / ``vtt`` a ``str``. ``stream=True`` (the
``gpt-4o-*-transcribe`` models) streams ``transcript.text.delta`` events and ends with
``transcript.text.done``, which carries the usage the call is priced by.
"""

from __future__ import annotations

from typing import Any, Literal, overload

from typing_extensions import Unpack

from gptkit._core._base import Endpoint
from gptkit._core._params import ParamValidator
from gptkit._cost._media import TRANSCRIPTION_METER
from gptkit._streams._media import TranscriptionAccumulator
from gptkit._streams._stream import AsyncStream, Stream
from gptkit.resources._common import FileTypes, file_parts
from gptkit.resources._resource import AsyncResource, SyncResource
from gptkit.resources.audio._formats import plan
from gptkit.types._base import APIObject
from gptkit.types._union import EventUnion
from gptkit.types.audio.transcription import Transcription
from gptkit.types.audio.transcription_create_params import TranscriptionCreateArgs, TranscriptionCreateFields
from gptkit.types.audio.transcription_diarized import TranscriptionDiarized
from gptkit.types.audio.transcription_stream_event import TranscriptionStreamEvent
from gptkit.types.audio.transcription_text_delta_event import TranscriptionTextDeltaEvent
from gptkit.types.audio.transcription_text_done_event import TranscriptionTextDoneEvent
from gptkit.types.audio.transcription_text_segment_event import TranscriptionTextSegmentEvent
from gptkit.types.audio.transcription_verbose import TranscriptionVerbose
from gptkit.types.request_options import RequestOptions

__all__ = ["AsyncTranscriptions", "TranscriptionCreateKwargs", "Transcriptions"]

_NAME = "audio.transcriptions.create"
TRANSCRIBE = Endpoint(
    method="POST", path="/audio/transcriptions", response=Transcription,
    validator=ParamValidator(TranscriptionCreateFields, _NAME), meter=TRANSCRIPTION_METER,
    chunk=EventUnion("TranscriptionStreamEvent",
                     [TranscriptionTextDeltaEvent, TranscriptionTextDoneEvent, TranscriptionTextSegmentEvent],
                     APIObject, TranscriptionAccumulator),
)
_MODELS: dict[str, type[APIObject]] = {
    "json": Transcription, "verbose_json": TranscriptionVerbose, "diarized_json": TranscriptionDiarized,
}
_TEXT = Literal["text", "srt", "vtt"]


class TranscriptionCreateKwargs(TranscriptionCreateArgs, RequestOptions, total=False):
    """The keyword arguments of ``audio.transcriptions.create`` besides ``file``,
    ``response_format`` and ``stream``."""


class Transcriptions(SyncResource):
    """Transcriptions of a ``Client``."""

    @overload
    def create(self, *, file: FileTypes, response_format: Literal["json"] | None = None,
               stream: Literal[False] | None = None,
               **params: Unpack[TranscriptionCreateKwargs]) -> Transcription: ...
    @overload
    def create(self, *, file: FileTypes, response_format: Literal["verbose_json"],
               stream: Literal[False] | None = None,
               **params: Unpack[TranscriptionCreateKwargs]) -> TranscriptionVerbose: ...
    @overload
    def create(self, *, file: FileTypes, response_format: Literal["diarized_json"],
               stream: Literal[False] | None = None,
               **params: Unpack[TranscriptionCreateKwargs]) -> TranscriptionDiarized: ...
    @overload
    def create(self, *, file: FileTypes, response_format: _TEXT, stream: Literal[False] | None = None,
               **params: Unpack[TranscriptionCreateKwargs]) -> str: ...
    @overload
    def create(self, *, file: FileTypes, response_format: str | None = None, stream: Literal[True],
               **params: Unpack[TranscriptionCreateKwargs]) -> Stream[TranscriptionStreamEvent]: ...
    def create(self, *, file: FileTypes, response_format: str | None = None, stream: bool | None = None,
               **params: Unpack[TranscriptionCreateKwargs]) -> Any:
        """Transcribe ``file`` (bytes, a path, an open file or ``(name, content[, type])``)."""
        endpoint, body = plan(TRANSCRIBE, _NAME, response_format, _MODELS, params)
        with file_parts(_NAME, file=file) as parts:
            call = self._client._prepare(endpoint, body, stream=bool(stream), raw=self._raw, files=parts)
            return self._client._execute(call)


class AsyncTranscriptions(AsyncResource):
    """Transcriptions of an ``AsyncClient``."""

    @overload
    async def create(self, *, file: FileTypes, response_format: Literal["json"] | None = None,
                     stream: Literal[False] | None = None,
                     **params: Unpack[TranscriptionCreateKwargs]) -> Transcription: ...
    @overload
    async def create(self, *, file: FileTypes, response_format: Literal["verbose_json"],
                     stream: Literal[False] | None = None,
                     **params: Unpack[TranscriptionCreateKwargs]) -> TranscriptionVerbose: ...
    @overload
    async def create(self, *, file: FileTypes, response_format: Literal["diarized_json"],
                     stream: Literal[False] | None = None,
                     **params: Unpack[TranscriptionCreateKwargs]) -> TranscriptionDiarized: ...
    @overload
    async def create(self, *, file: FileTypes, response_format: _TEXT, stream: Literal[False] | None = None,
                     **params: Unpack[TranscriptionCreateKwargs]) -> str: ...
    @overload
    async def create(
        self, *, file: FileTypes, response_format: str | None = None, stream: Literal[True],
        **params: Unpack[TranscriptionCreateKwargs],
    ) -> AsyncStream[TranscriptionStreamEvent]: ...
    async def create(self, *, file: FileTypes, response_format: str | None = None, stream: bool | None = None,
                     **params: Unpack[TranscriptionCreateKwargs]) -> Any:
        """Transcribe ``file`` (bytes, a path, an open file or ``(name, content[, type])``)."""
        endpoint, body = plan(TRANSCRIBE, _NAME, response_format, _MODELS, params)
        with file_parts(_NAME, file=file) as parts:
            call = self._client._prepare(endpoint, body, stream=bool(stream), raw=self._raw, files=parts)
            return await self._client._execute(call)
