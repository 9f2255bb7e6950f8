"""Recording transports: wrap any httpx transport and write down what passes through it.

Each body chunk is handed to the caller the moment it arrives (nothing is buffered) and noted
with its offset from sending the request; a transport error, before or during the response, is
noted too and re-raised unchanged.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Iterator
from typing import TYPE_CHECKING

import httpx

from gptkit.testing._cassette_format import Interaction, RecordedError, RecordedResponse

if TYPE_CHECKING:
    from gptkit.testing._cassette import Cassette

__all__ = ["AsyncRecordingTransport", "RecordingTransport"]


def _response_record(cassette: Cassette, response: httpx.Response, start: float) -> RecordedResponse:
    content_type = response.headers.get("content-type", "")
    return RecordedResponse(
        response.status_code,
        cassette._keep_response_headers(response.headers.multi_items()),
        time.perf_counter() - start,
        stream=content_type.startswith("text/event-stream"),
    )


def _error(exc: BaseException, start: float) -> RecordedError:
    return RecordedError(type(exc).__name__, str(exc), time.perf_counter() - start)


class _RecordingStream(httpx.SyncByteStream):
    def __init__(self, inner: httpx.SyncByteStream, record: RecordedResponse, start: float) -> None:
        self._inner, self._record, self._start = inner, record, start

    def __iter__(self) -> Iterator[bytes]:
        try:
            for chunk in self._inner:
                self._record.chunks.append((time.perf_counter() - self._start, chunk))
                yield chunk
        except httpx.TransportError as exc:
            self._record.error = _error(exc, self._start)
            raise

    def close(self) -> None:
        self._inner.close()


class _AsyncRecordingStream(httpx.AsyncByteStream):
    def __init__(self, inner: httpx.AsyncByteStream, record: RecordedResponse, start: float) -> None:
        self._inner, self._record, self._start = inner, record, start

    async def __aiter__(self) -> AsyncIterator[bytes]:
        try:
            async for chunk in self._inner:
                self._record.chunks.append((time.perf_counter() - self._start, chunk))
                yield chunk
        except httpx.TransportError as exc:
            self._record.error = _error(exc, self._start)
            raise

    async def aclose(self) -> None:
        await self._inner.aclose()


def _begin(cassette: Cassette, request: httpx.Request) -> Interaction:
    # Ask for an uncompressed body, so the cassette holds readable JSON.
    request.headers["accept-encoding"] = "identity"
    return cassette._begin_recording(request)


class RecordingTransport(httpx.BaseTransport):
    """Sends through ``wrapped`` and records every interaction into ``cassette``."""

    def __init__(self, wrapped: httpx.BaseTransport, cassette: Cassette) -> None:
        self._wrapped = wrapped
        self._cassette = cassette

    def __repr__(self) -> str:
        return f"<{type(self).__name__} into {self._cassette.path}>"

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.read()
        entry = _begin(self._cassette, request)
        start = time.perf_counter()
        try:
            response = self._wrapped.handle_request(request)
        except httpx.TransportError as exc:
            entry.error = _error(exc, start)
            raise
        record = entry.response = _response_record(self._cassette, response, start)
        assert isinstance(response.stream, httpx.SyncByteStream)
        return httpx.Response(response.status_code, headers=response.headers, request=request,
                              stream=_RecordingStream(response.stream, record, start),
                              extensions=response.extensions)

    def close(self) -> None:
        self._wrapped.close()


class AsyncRecordingTransport(httpx.AsyncBaseTransport):
    """The async twin of ``RecordingTransport``."""

    def __init__(self, wrapped: httpx.AsyncBaseTransport, cassette: Cassette) -> None:
        self._wrapped = wrapped
        self._cassette = cassette

    def __repr__(self) -> str:
        return f"<{type(self).__name__} into {self._cassette.path}>"

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        await request.aread()
        entry = _begin(self._cassette, request)
        start = time.perf_counter()
        try:
            response = await self._wrapped.handle_async_request(request)
        except httpx.TransportError as exc:
            entry.error = _error(exc, start)
            raise
        record = entry.response = _response_record(self._cassette, response, start)
        assert isinstance(response.stream, httpx.AsyncByteStream)
        return httpx.Response(response.status_code, headers=response.headers, request=request,
                              stream=_AsyncRecordingStream(response.stream, record, start),
                              extensions=response.extensions)

    async def aclose(self) -> None:
        await self._wrapped.aclose()
