"""``client.audio.speech``: text to speech, answered as audio bytes.

``create`` returns the whole audio (``content``, ``write_to_file(path)``);
``with_streaming_response.create`` hands the response over before its body is read
(``stream_to_file(path)``, ``iter_bytes()``), so playback or writing can start at once.
"""

from __future__ import annotations

import dataclasses
from typing import Final

from typing_extensions import Unpack

from gptkit._core._base import Endpoint
from gptkit._core._params import ParamValidator
from gptkit._cost._media import SPEECH_METER
from gptkit._streams._binary import (
    AsyncStreamedBinaryAPIResponse,
    HttpxBinaryResponseContent,
    StreamedBinaryAPIResponse,
    binary_content,
)
from gptkit.resources._common import body_params
from gptkit.resources._resource import AsyncResource, SyncResource
from gptkit.resources._twin import twin
from gptkit.types._base import APIObject
from gptkit.types.audio.speech_create_params import SpeechCreateParams
from gptkit.types.request_options import RequestOptions

__all__ = ["AsyncSpeech", "Speech", "SpeechCreateKwargs"]

SPEECH = Endpoint(
    method="POST", path="/audio/speech", response=APIObject, binary=True, parse=binary_content,
    validator=ParamValidator(SpeechCreateParams, "audio.speech.create"), meter=SPEECH_METER,
)
#: The same call with its body read as it arrives (``with_streaming_response``).
STREAMED = dataclasses.replace(SPEECH, parse=StreamedBinaryAPIResponse)
ASTREAMED = dataclasses.replace(SPEECH, parse=AsyncStreamedBinaryAPIResponse)


class SpeechCreateKwargs(SpeechCreateParams, RequestOptions, total=False):
    """The keyword arguments of ``audio.speech.create``."""


class Speech(SyncResource):
    """Text to speech of a ``Client``."""

    def create(self, **params: Unpack[SpeechCreateKwargs]) -> HttpxBinaryResponseContent:
        """Speak ``input`` with ``model`` in ``voice``; the audio (mp3 unless ``response_format``)."""
        streamed = ASTREAMED if self._is_async else STREAMED
        call = self._client._prepare(streamed if self._streaming else SPEECH, body_params(params, {}),
                                     raw=self._raw and not self._streaming)
        call.stream = self._streaming  # hand the response over unread
        result: HttpxBinaryResponseContent = self._client._execute(call)
        return result


class AsyncSpeech(AsyncResource):
    """Text to speech of an ``AsyncClient``: ``Speech.create``, awaited."""

    create: Final = twin(Speech.create)
