"""``client.audio.transcriptions``: speech to text, the audio uploaded as multipart form data.

``response_format`` decides the answer, as in the official package: ``json`` (the default) a
``Transcription``, ``verbose_json`` a ``TranscriptionVerbose``, ``diarized_json`` a
``TranscriptionDiarized``, ``text`` / ``srt`` / ``vtt`` a ``str``. ``stream=True`` (the
``gpt-4o-*-transcribe`` models) streams ``transcript.text.delta`` events and ends with
``transcript.text.done``, which carries the usage the call is priced by.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar, overload

from typing_extensions import Unpack

from gptkit._core._base import Endpoint
from gptkit._core._params import ParamValidator
from gptkit._cost._media import TRANSCRIPTION_METER
from gptkit._streams._media import TranscriptionAccumulator
from gptkit._streams._stream import AsyncStream, Stream
from gptkit.resources._common import FileTypes, file_parts
from gptkit.resources._resource import AsyncResource, SyncResource, _Resource
from gptkit.resources._twin import Awaits, twin
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


_Plain = TypeVar("_Plain")
_Verbose = TypeVar("_Verbose")
_Diarized = TypeVar("_Diarized")
_Text = TypeVar("_Text")
_Streamed = TypeVar("_Streamed")


class _TranscriptionsAPI(_Resource, Generic[_Plain, _Verbose, _Diarized, _Text, _Streamed]):
    """``create`` written once; the results it declares are each client's (see ``_twin``)."""

    @overload
    def create(self, *, file: FileTypes, response_format: Literal["json"] | None = None,
               stream: Literal[False] | None = None,
               **params: Unpack[TranscriptionCreateKwargs]) -> _Plain: ...
    @overload
    def create(self, *, file: FileTypes, response_format: Literal["verbose_json"],
               stream: Literal[False] | None = None,
               **params: Unpack[TranscriptionCreateKwargs]) -> _Verbose: ...
    @overload
    def create(self, *, file: FileTypes, response_format: Literal["diarized_json"],
               stream: Literal[False] | None = None,
               **params: Unpack[TranscriptionCreateKwargs]) -> _Diarized: ...
    @overload
    def create(self, *, file: FileTypes, response_format: _TEXT, stream: Literal[False] | None = None,
               **params: Unpack[TranscriptionCreateKwargs]) -> _Text: ...
    @overload
    def create(self, *, file: FileTypes, response_format: str | None = None, stream: Literal[True],
               **params: Unpack[TranscriptionCreateKwargs]) -> _Streamed: ...
    def create(self, *, file: FileTypes, response_format: str | None = None, stream: bool | None = None,
               **params: Unpack[TranscriptionCreateKwargs]) -> Any:
        """Transcribe ``file`` (bytes, a path, an open file or ``(name, content[, type])``)."""
        endpoint, body = plan(TRANSCRIBE, _NAME, response_format, _MODELS, params)
        return self._upload(endpoint, body, file_parts(_NAME, file=file), stream=bool(stream))


class Transcriptions(
    _TranscriptionsAPI[Transcription, TranscriptionVerbose, TranscriptionDiarized, str,
                       Stream[TranscriptionStreamEvent]],
    SyncResource,
):
    """Transcriptions of a ``Client``."""


class AsyncTranscriptions(
    _TranscriptionsAPI[Awaits[Transcription], Awaits[TranscriptionVerbose], Awaits[TranscriptionDiarized],
                       Awaits[str], Awaits[AsyncStream[TranscriptionStreamEvent]]],
    AsyncResource,
):
    """Transcriptions of an ``AsyncClient``: ``Transcriptions.create``, awaited."""

    if not TYPE_CHECKING:
        create = twin(_TranscriptionsAPI.create)
