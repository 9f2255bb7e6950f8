"""Replaying transports: answer from a cassette, paced fast, in real time, or re-chunked.

A recorded transport error is raised again as the same httpx exception class, so the client
maps it to the same typed error it raised while recording.
"""

from __future__ import annotations

import random
from collections.abc import AsyncIterator, Iterator
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


class _ReplayStream(httpx.SyncByteStream):
    def __init__(self, plan: list[tuple[float, bytes]], error: RecordedError | None, request: httpx.Request):
        self._plan, self._error, self._request = plan, error, request

    def __iter__(self) -> Iterator[bytes]:
        clock = get_clock()
        for pause, piece in self._plan:
            if pause > 0:
                clock.sleep(pause)
            yield piece
        if self._error is not None:
            raise transport_error(self._error, self._request)


class _AsyncReplayStream(httpx.AsyncByteStream):
    def __init__(self, plan: list[tuple[float, bytes]], error: RecordedError | None, request: httpx.Request):
        self._plan, self._error, self._request = plan, error, request

    async def __aiter__(self) -> AsyncIterator[bytes]:
        clock = get_clock()
        for pause, piece in self._plan:
            if pause > 0:
                await clock.asleep(pause)
            yield piece
        if self._error is not None:
            raise transport_error(self._error, self._request)


def _header_wait(interaction: Interaction, pacing: str) -> float:
    if pacing != "realtime":
        return 0.0
    if interaction.response is not None:
        return interaction.response.t
    return interaction.error.t if interaction.error is not None else 0.0


def _response(interaction: Interaction, request: httpx.Request, stream: httpx.SyncByteStream |
              httpx.AsyncByteStream) -> httpx.Response:
    response = interaction.response
    assert response is not None
    return httpx.Response(response.status, headers=_headers(response), stream=stream, request=request,
                          extensions={"http_version": b"HTTP/1.1"})


class ReplayTransport(httpx.BaseTransport):
    """Answers from ``cassette``; a request with no recorded match goes to ``fallback`` (a
    ``RecordingTransport``) when given, else fails with a diff against the nearest one."""

    def __init__(self, cassette: Cassette, *, fallback: httpx.BaseTransport | None = None) -> None:
        self._cassette = cassette
        self._fallback = fallback

    def __repr__(self) -> str:
        return f"<{type(self).__name__} from {self._cassette.path}>"

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.read()
        found = self._cassette._take(request, miss_ok=self._fallback is not None)
        if found is None:
            assert self._fallback is not None
            return self._fallback.handle_request(request)
        index, interaction = found
        pacing = self._cassette.pacing
        wait = _header_wait(interaction, pacing)
        if wait > 0:
            get_clock().sleep(wait)
        if interaction.response is None:
            assert interaction.error is not None
            raise transport_error(interaction.error, request)
        rng = random.Random(f"{self._cassette.seed}:{index}")
        plan = _plan(interaction.response, pacing, rng)
        return _response(interaction, request, _ReplayStream(plan, interaction.response.error, request))

    def close(self) -> None:
        if self._fallback is not None:
            self._fallback.close()


class AsyncReplayTransport(httpx.AsyncBaseTransport):
    """The async twin of ``ReplayTransport``."""

    def __init__(self, cassette: Cassette, *, fallback: httpx.AsyncBaseTransport | None = None) -> None:
        self._cassette = cassette
        self._fallback = fallback

    def __repr__(self) -> str:
        return f"<{type(self).__name__} from {self._cassette.path}>"

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        await request.aread()
        found = self._cassette._take(request, miss_ok=self._fallback is not None)
        if found is None:
            assert self._fallback is not None
            return await self._fallback.handle_async_request(request)
        index, interaction = found
        pacing = self._cassette.pacing
        wait = _header_wait(interaction, pacing)
        if wait > 0:
            await get_clock().asleep(wait)
        if interaction.response is None:
            assert interaction.error is not None
            raise transport_error(interaction.error, request)
        rng = random.Random(f"{self._cassette.seed}:{index}")
        plan = _plan(interaction.response, pacing, rng)
        return _response(interaction, request, _AsyncReplayStream(plan, interaction.response.error, request))

    async def aclose(self) -> None:
        if self._fallback is not None:
            await self._fallback.aclose()
