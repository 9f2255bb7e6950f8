"""In-process shells around the fake's core: httpx transports that play a ``FakeReply``.

No sockets: bodies really arrive chunk by chunk, pauses sleep on gptkit's clock (instant under
``VirtualClock``), a pause longer than the request's read timeout becomes ``httpx.ReadTimeout``
after that timeout, and a dropped connection raises the error httpx raises for a real one.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import TYPE_CHECKING

import httpx

from gptkit._clock import get_clock
from gptkit.testing._fake_reply import Drop, FakeReply

if TYPE_CHECKING:
    from gptkit.testing._fake_core import FakeCore

__all__ = ["handle_async", "handle_sync"]


def _read_timeout(request: httpx.Request) -> float | None:
    timeout = request.extensions.get("timeout")
    value = timeout.get("read") if isinstance(timeout, dict) else None
    return float(value) if value is not None else None


def _too_long(seconds: float, request: httpx.Request) -> float | None:
    """How long to wait before timing out, when ``seconds`` exceeds the read timeout."""
    limit = _read_timeout(request)
    return limit if limit is not None and seconds > limit else None


def _drop_error(drop: Drop, request: httpx.Request) -> httpx.TransportError:
    if drop.how == "close":
        return httpx.RemoteProtocolError(
            "peer closed connection without sending complete message body", request=request)
    return httpx.ReadError("[Errno 104] Connection reset by peer", request=request)


def _start(core: FakeCore, request: httpx.Request, content: bytes) -> FakeReply:
    headers = {k.lower(): v for k, v in request.headers.items()}
    # The raw target, as a socket server would see it: the query string included, ids quoted.
    return core.handle(request.method, request.url.raw_path.decode("ascii"), headers, content)


def _response(reply: FakeReply, request: httpx.Request, stream: _Body) -> httpx.Response:
    headers = list(reply.headers)
    if not reply.stream:
        headers.append(("content-length", str(reply.content_length)))
    return httpx.Response(reply.status, headers=headers, stream=stream, request=request,
                          extensions={"http_version": b"HTTP/1.1", "reason_phrase": b""})


def _pause(seconds: float, request: httpx.Request) -> tuple[float, bool]:
    """How long a pause of ``seconds`` sleeps, and whether the read times out after it."""
    limit = _too_long(seconds, request)
    return (limit, True) if limit is not None else (seconds, False)


def _timed_out(timed_out: bool, request: httpx.Request) -> None:
    if timed_out:
        raise httpx.ReadTimeout("timed out", request=request)


class _Body(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A fake reply's body, for a sync or an async client: only the pauses differ."""

    def __init__(self, core: FakeCore, reply: FakeReply, request: httpx.Request) -> None:
        self._core, self._reply, self._request = core, reply, request
        self._open = True

    def _steps(self) -> Iterator[bytes | tuple[float, bool]]:
        """The body's pieces, and its pauses as ``_pause`` plans them (a drop raises here)."""
        for step in self._reply.steps():
            if isinstance(step, bytes):
                yield step
            elif isinstance(step, Drop):
                raise _drop_error(step, self._request)
            else:
                yield _pause(step, self._request)

    def __iter__(self) -> Iterator[bytes]:
        clock = get_clock()
        for step in self._steps():
            if isinstance(step, bytes):
                yield step
            else:
                clock.sleep(step[0])
                _timed_out(step[1], self._request)

    async def __aiter__(self) -> AsyncIterator[bytes]:
        clock = get_clock()
        for step in self._steps():
            if isinstance(step, bytes):
                yield step
            else:
                await clock.asleep(step[0])
                _timed_out(step[1], self._request)

    def close(self) -> None:
        if self._open:
            self._open = False
            self._core._closed()

    async def aclose(self) -> None:
        self.close()


def _headers_pause(core: FakeCore, reply: FakeReply, request: httpx.Request) -> tuple[float, bool]:
    """The pause before the headers (the connection counts as open from here)."""
    core._opened()
    return _pause(reply.header_delay, request) if reply.header_delay > 0 else (0.0, False)


def _headers_sent(
    core: FakeCore, reply: FakeReply, request: httpx.Request, timed_out: bool
) -> httpx.Response:
    try:
        _timed_out(timed_out, request)
        if reply.drop_before_headers:
            raise _drop_error(Drop("reset"), request)
    except BaseException:
        core._closed()
        raise
    return _response(reply, request, _Body(core, reply, request))


def handle_sync(core: FakeCore, request: httpx.Request) -> httpx.Response:
    """Answer ``request`` in-process (the body of ``FakeOpenAI.handle_request``)."""
    reply = _start(core, request, request.read())
    seconds, timed_out = _headers_pause(core, reply, request)
    try:
        if seconds > 0:
            get_clock().sleep(seconds)
    except BaseException:
        core._closed()
        raise
    return _headers_sent(core, reply, request, timed_out)


async def handle_async(core: FakeCore, request: httpx.Request) -> httpx.Response:
    """Answer ``request`` in-process (the body of ``FakeOpenAI.handle_async_request``)."""
    reply = _start(core, request, await request.aread())
    seconds, timed_out = _headers_pause(core, reply, request)
    try:
        if seconds > 0:
            await get_clock().asleep(seconds)
    except BaseException:  # cancelled while waiting for the headers
        core._closed()
        raise
    return _headers_sent(core, reply, request, timed_out)
