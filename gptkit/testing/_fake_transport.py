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
    return core.handle(request.method, request.url.path, headers, content)


def _response(reply: FakeReply, request: httpx.Request, stream: httpx.SyncByteStream | httpx.AsyncByteStream
              ) -> httpx.Response:
    headers = list(reply.headers)
    if not reply.stream:
        headers.append(("content-length", str(reply.content_length)))
    return httpx.Response(reply.status, headers=headers, stream=stream, request=request,
                          extensions={"http_version": b"HTTP/1.1", "reason_phrase": b""})


class _SyncBody(httpx.SyncByteStream):
    def __init__(self, core: FakeCore, reply: FakeReply, request: httpx.Request) -> None:
        self._core, self._reply, self._request = core, reply, request
        self._open = True

    def __iter__(self) -> Iterator[bytes]:
        clock = get_clock()
        for step in self._reply.steps():
            if isinstance(step, bytes):
                yield step
            elif isinstance(step, Drop):
                raise _drop_error(step, self._request)
            else:
                limit = _too_long(step, self._request)
                clock.sleep(limit if limit is not None else step)
                if limit is not None:
                    raise httpx.ReadTimeout("timed out", request=self._request)

    def close(self) -> None:
        if self._open:
            self._open = False
            self._core._closed()


class _AsyncBody(httpx.AsyncByteStream):
    def __init__(self, core: FakeCore, reply: FakeReply, request: httpx.Request) -> None:
        self._core, self._reply, self._request = core, reply, request
        self._open = True

    async def __aiter__(self) -> AsyncIterator[bytes]:
        clock = get_clock()
        for step in self._reply.steps():
            if isinstance(step, bytes):
                yield step
            elif isinstance(step, Drop):
                raise _drop_error(step, self._request)
            else:
                limit = _too_long(step, self._request)
                await clock.asleep(limit if limit is not None else step)
                if limit is not None:
                    raise httpx.ReadTimeout("timed out", request=self._request)

    async def aclose(self) -> None:
        if self._open:
            self._open = False
            self._core._closed()


def handle_sync(core: FakeCore, request: httpx.Request) -> httpx.Response:
    """Answer ``request`` in-process (the body of ``FakeOpenAI.handle_request``)."""
    reply = _start(core, request, request.read())
    core._opened()
    try:
        if reply.header_delay > 0:
            limit = _too_long(reply.header_delay, request)
            get_clock().sleep(limit if limit is not None else reply.header_delay)
            if limit is not None:
                raise httpx.ReadTimeout("timed out", request=request)
        if reply.drop_before_headers:
            raise _drop_error(Drop("reset"), request)
    except BaseException:
        core._closed()
        raise
    return _response(reply, request, _SyncBody(core, reply, request))


async def handle_async(core: FakeCore, request: httpx.Request) -> httpx.Response:
    """Answer ``request`` in-process (the body of ``FakeOpenAI.handle_async_request``)."""
    reply = _start(core, request, await request.aread())
    core._opened()
    try:
        if reply.header_delay > 0:
            limit = _too_long(reply.header_delay, request)
            await get_clock().asleep(limit if limit is not None else reply.header_delay)
            if limit is not None:
                raise httpx.ReadTimeout("timed out", request=request)
        if reply.drop_before_headers:
            raise _drop_error(Drop("reset"), request)
    except BaseException:
        core._closed()
        raise
    return _response(reply, request, _AsyncBody(core, reply, request))
