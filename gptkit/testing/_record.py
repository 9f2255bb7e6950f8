"""Recording transports: wrap any httpx transport and write down what passes through it.

Each body chunk is handed to the caller the moment it arrives (nothing is buffered) and noted
with its offset from sending the request; a transport error, before or during the response, is
noted too and re-raised unchanged.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import httpx

from gptkit.testing._cassette_format import RecordedError, RecordedResponse

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


class _RecordingStream(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A body passed through as it arrives and noted chunk by chunk (sync or async)."""

    def __init__(self, inner: httpx.SyncByteStream | httpx.AsyncByteStream, record: RecordedResponse,
                 start: float) -> None:
        self._inner, self._record, self._start = inner, record, start

    def _note(self, chunk: bytes) -> bytes:
        self._record.chunks.append((time.perf_counter() - self._start, chunk))
        return chunk

    @contextmanager
    def _noting_errors(self) -> Iterator[None]:
        try:
            yield
        except httpx.TransportError as exc:
            self._record.error = _error(exc, self._start)
            raise

    def __iter__(self) -> Iterator[bytes]:
        assert isinstance(self._inner, httpx.SyncByteStream)
        with self._noting_errors():
            yield from map(self._note, self._inner)

    async def __aiter__(self) -> AsyncIterator[bytes]:
        assert isinstance(self._inner, httpx.AsyncByteStream)
        with self._noting_errors():
            async for chunk in self._inner:
                yield self._note(chunk)

    def close(self) -> None:
        assert isinstance(self._inner, httpx.SyncByteStream)
        self._inner.close()

    async def aclose(self) -> None:
        assert isinstance(self._inner, httpx.AsyncByteStream)
        await self._inner.aclose()


class _Recorder:
    """What both recording transports do around the wrapped transport's send."""

    def __init__(self, cassette: Cassette) -> None:
        self._cassette = cassette

    def __repr__(self) -> str:
        return f"<{type(self).__name__} into {self._cassette.path}>"

    @contextmanager
    def _exchange(self, request: httpx.Request) -> Iterator[Callable[[httpx.Response], httpx.Response]]:
        """Around the wrapped transport's send: gives the step that wraps its response for
        recording; a transport error raised inside is noted and re-raised."""
        # Ask for an uncompressed body, so the cassette holds readable JSON.
        request.headers["accept-encoding"] = "identity"
        entry, start = self._cassette._begin_recording(request), time.perf_counter()

        def answered(response: httpx.Response) -> httpx.Response:
            record = entry.response = _response_record(self._cassette, response, start)
            assert isinstance(response.stream, (httpx.SyncByteStream, httpx.AsyncByteStream))
            return httpx.Response(response.status_code, headers=response.headers, request=request,
                                  stream=_RecordingStream(response.stream, record, start),
                                  extensions=response.extensions)

        try:
            yield answered
        except httpx.TransportError as exc:
            entry.error = _error(exc, start)
            raise


class RecordingTransport(_Recorder, httpx.BaseTransport):
    """Sends through ``wrapped`` and records every interaction into ``cassette``."""

    def __init__(self, wrapped: httpx.BaseTransport, cassette: Cassette) -> None:
        super().__init__(cassette)
        self._wrapped = wrapped

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.read()
        with self._exchange(request) as answered:
            return answered(self._wrapped.handle_request(request))

    def close(self) -> None:
        self._wrapped.close()


class AsyncRecordingTransport(_Recorder, httpx.AsyncBaseTransport):
    """The async twin of ``RecordingTransport``."""

    def __init__(self, wrapped: httpx.AsyncBaseTransport, cassette: Cassette) -> None:
        super().__init__(cassette)
        self._wrapped = wrapped

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        await request.aread()
        with self._exchange(request) as answered:
            return answered(await self._wrapped.handle_async_request(request))

    async def aclose(self) -> None:
        await self._wrapped.aclose()
