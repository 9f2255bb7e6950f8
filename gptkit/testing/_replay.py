"""Replaying transports: answer from a cassette, paced fast, in real time, or re-chunked.

A recorded transport error is raised again as the same httpx exception class, so the client
maps it to the same typed error it raised while recording.
"""

from __future__ import annotations

import random
from collections.abc import AsyncIterator, Callable, Iterator
from typing import TYPE_CHECKING

import httpx

from gptkit._clock import get_clock
from gptkit.testing._cassette_format import Interaction, RecordedError, RecordedResponse

if TYPE_CHECKING:
    from gptkit.testing._cassette import Cassette

__all__ = ["PACINGS", "AsyncReplayTransport", "ReplayTransport", "transport_error"]

#: ``fast``: no waits; ``realtime``: the recorded gaps; ``rechunk``: random byte boundaries.
PACINGS = ("fast", "realtime", "rechunk")


def transport_error(error: RecordedError, request: httpx.Request) -> httpx.TransportError:
    """The recorded error as its httpx exception class (``TransportError`` if unknown)."""
    cls = getattr(httpx, error.type, None)
    if not (isinstance(cls, type) and issubclass(cls, httpx.TransportError)):
        cls = httpx.TransportError
    return cls(error.message, request=request)


def _plan(response: RecordedResponse, pacing: str, rng: random.Random) -> list[tuple[float, bytes]]:
    """The body pieces to replay, each with the pause before it."""
    if pacing == "rechunk":
        data = response.content
        pieces, start = [], 0
        while start < len(data):
            size = rng.randint(1, 64)
            pieces.append((0.0, data[start : start + size]))
            start += size
        return pieces
    if pacing == "realtime":
        previous, planned = response.t, []
        for t, piece in response.chunks:
            planned.append((max(0.0, t - previous), piece))
            previous = max(previous, t)
        return planned
    return [(0.0, piece) for _, piece in response.chunks]


def _headers(response: RecordedResponse) -> list[tuple[str, str]]:
    framing = ("content-length", "transfer-encoding")
    headers = [(k, v) for k, v in response.headers.items() if k not in framing]
    if not response.stream and response.error is None:
        headers.append(("content-length", str(len(response.content))))
    return headers


class _ReplayStream(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A replayed body, for a sync or an async client: only the pauses differ."""

    def __init__(self, plan: list[tuple[float, bytes]], error: RecordedError | None, request: httpx.Request):
        self._plan, self._error, self._request = plan, error, request

    def _end(self) -> None:
        if self._error is not None:
            raise transport_error(self._error, self._request)

    def __iter__(self) -> Iterator[bytes]:
        clock = get_clock()
        for pause, piece in self._plan:
            if pause > 0:
                clock.sleep(pause)
            yield piece
        self._end()

    async def __aiter__(self) -> AsyncIterator[bytes]:
        clock = get_clock()
        for pause, piece in self._plan:
            if pause > 0:
                await clock.asleep(pause)
            yield piece
        self._end()


def _header_wait(interaction: Interaction, pacing: str) -> float:
    if pacing != "realtime":
        return 0.0
    if interaction.response is not None:
        return interaction.response.t
    return interaction.error.t if interaction.error is not None else 0.0


class _Replayer:
    """What both replaying transports do besides sleeping: find the recorded answer, plan its body."""

    def __init__(self, cassette: Cassette, *, fallback: object | None) -> None:
        self._cassette = cassette
        self._fallback = fallback

    def __repr__(self) -> str:
        return f"<{type(self).__name__} from {self._cassette.path}>"

    def _find(self, request: httpx.Request) -> tuple[float, Callable[[], httpx.Response]] | None:
        """The wait before the recorded answer's headers and the step that gives it (the
        response, or the recorded transport error raised again); None for the fallback. A request
        the cassette does not hold fails here, with a diff."""
        found = self._cassette._take(request, miss_ok=self._fallback is not None)
        if found is None:
            return None
        index, interaction = found

        def answer() -> httpx.Response:
            response = interaction.response
            if response is None:
                assert interaction.error is not None
                raise transport_error(interaction.error, request)
            rng = random.Random(f"{self._cassette.seed}:{index}")
            stream = _ReplayStream(_plan(response, self._cassette.pacing, rng), response.error, request)
            return httpx.Response(response.status, headers=_headers(response), stream=stream,
                                  request=request, extensions={"http_version": b"HTTP/1.1"})

        return _header_wait(interaction, self._cassette.pacing), answer


class ReplayTransport(_Replayer, httpx.BaseTransport):
    """Answers from ``cassette``; a request with no recorded match goes to ``fallback`` (a
    ``RecordingTransport``) when given, else fails with a diff against the nearest one."""

    _fallback: httpx.BaseTransport | None

    def __init__(self, cassette: Cassette, *, fallback: httpx.BaseTransport | None = None) -> None:
        super().__init__(cassette, fallback=fallback)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.read()
        if (found := self._find(request)) is None:
            assert self._fallback is not None
            return self._fallback.handle_request(request)
        wait, answer = found
        if wait > 0:
            get_clock().sleep(wait)
        return answer()

    def close(self) -> None:
        if self._fallback is not None:
            self._fallback.close()


class AsyncReplayTransport(_Replayer, httpx.AsyncBaseTransport):
    """The async twin of ``ReplayTransport``."""

    _fallback: httpx.AsyncBaseTransport | None

    def __init__(self, cassette: Cassette, *, fallback: httpx.AsyncBaseTransport | None = None) -> None:
        super().__init__(cassette, fallback=fallback)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        await request.aread()
        if (found := self._find(request)) is None:
            assert self._fallback is not None
            return await self._fallback.handle_async_request(request)
        wait, answer = found
        if wait > 0:
            await get_clock().asleep(wait)
        return answer()

    async def aclose(self) -> None:
        if self._fallback is not None:
            await self._fallback.aclose()
