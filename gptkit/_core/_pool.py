"""The default async transport: a FIFO queue in front of a connection pool that costs O(1) a request.

Why: httpcore's ``AsyncConnectionPool`` re-scans every connection and every waiting request on
each request start and end (``_assign_requests_to_connections``), and for each idle connection it
counts all the others again, so its CPU per request grows with the square of the number of
connections. At a few hundred concurrent calls that bookkeeping costs more than HTTP itself.

``AsyncPoolTransport`` keeps, per origin, a stack of idle ``httpcore.AsyncHTTPConnection`` objects
(most recently used on top, so the warmest socket is reused and stale ones sink to the bottom
where they are swept) and admits at most ``max_connections`` requests at a time; the others wait
in a first-in, first-out queue (a request waits at most the ``pool`` timeout, then
``httpx.PoolTimeout``). A request holds its slot until its response is closed, so a stream holds
it until the stream ends. HTTP/1.1 only: gptkit's own clients do not enable HTTP/2.

Used by ``AsyncClient`` only when gptkit creates the ``httpx.AsyncClient`` itself; a user who
passes ``http_client=`` or ``transport=`` keeps full control. Proxies from the environment still
go through httpx's own transports (httpx mounts them in front of this one).
"""

from __future__ import annotations

import ssl
from collections import deque
from collections.abc import AsyncIterator
from contextlib import suppress
from types import TracebackType
from typing import TYPE_CHECKING, Any

import anyio
import httpx

if TYPE_CHECKING:
    import httpcore

__all__ = ["AsyncPoolTransport"]

_Key = tuple[bytes, bytes, int]


def _as_httpx(exc: Exception) -> Exception:
    """httpcore's exception as the httpx exception of the same name (as httpx maps them), or itself.

    A function for ``except`` clauses rather than a context manager: one fewer object per request.
    """
    if type(exc).__module__.startswith("httpcore"):
        mapped = getattr(httpx, type(exc).__name__, None)
        if isinstance(mapped, type) and issubclass(mapped, httpx.TransportError):
            return mapped(str(exc))
    return exc


class _Waiter:
    """A request waiting for a slot; ``granted`` is set by whoever hands it one."""

    __slots__ = ("event", "granted")

    def __init__(self) -> None:
        self.event = anyio.Event()
        self.granted = False


class _PooledStream(httpx.AsyncByteStream):
    """A response body that gives its connection and slot back to the pool when closed."""

    def __init__(
        self, pool: AsyncPoolTransport, key: _Key, connection: httpcore.AsyncHTTPConnection, stream: Any
    ) -> None:
        self._pool = pool
        self._key = key
        self._connection = connection
        self._stream = stream
        self._closed = False

    async def __aiter__(self) -> AsyncIterator[bytes]:
        try:
            async for part in self._stream:
                yield part
        except Exception as exc:
            mapped = _as_httpx(exc)
            if mapped is exc:
                raise
            raise mapped from exc

    async def aclose(self) -> None:
        if self._closed:
            return
        self._closed = True
        try:
            with anyio.CancelScope(shield=True):
                await self._stream.aclose()
        except Exception as exc:
            mapped = _as_httpx(exc)
            if mapped is exc:
                raise
            raise mapped from exc
        finally:
            await self._pool._check_in(self._key, self._connection)
            self._pool._release()


class AsyncPoolTransport(httpx.AsyncBaseTransport):
    """An ``httpx`` async transport with a FIFO request queue and an O(1) connection pool.

    ``limits.max_connections`` bounds the requests in flight (None: unbounded),
    ``limits.max_keepalive_connections`` the idle connections kept, ``limits.keepalive_expiry``
    how long one is kept idle. ``verify`` and ``trust_env`` mean what they mean to httpx.
    """

    def __init__(
        self,
        *,
        limits: httpx.Limits | None = None,
        verify: ssl.SSLContext | str | bool = True,
        trust_env: bool = True,
    ) -> None:
        import httpcore  # deferred: not needed by `import gptkit`

        self._httpcore = httpcore
        limits = limits or httpx.Limits()
        self._max_active = limits.max_connections
        self._max_idle = limits.max_keepalive_connections
        self._keepalive_expiry = limits.keepalive_expiry
        self._verify = verify
        self._trust_env = trust_env
        self._ssl_context: ssl.SSLContext | None = None
        self._idle: dict[_Key, deque[httpcore.AsyncHTTPConnection]] = {}
        self._idle_count = 0
        self._active = 0  # requests holding a slot (waiting for, or reading, a response)
        self._waiters: deque[_Waiter] = deque()
        self._closed = False

    def __repr__(self) -> str:
        return (f"<AsyncPoolTransport [{self._active} active, {len(self._waiters)} queued, "
                f"{self._idle_count} idle]>")

    # -- slots: at most max_active requests in flight, the rest wait first-in, first-out -----

    async def _acquire(self, timeout: float | None) -> None:
        if not self._waiters and (self._max_active is None or self._active < self._max_active):
            self._active += 1
            return
        waiter = _Waiter()
        self._waiters.append(waiter)
        try:
            with anyio.fail_after(timeout):
                await waiter.event.wait()
        except BaseException as exc:
            if waiter.granted:
                self._release()  # handed a slot just as we gave up: pass it on
            else:
                self._waiters.remove(waiter)
            if isinstance(exc, TimeoutError):
                raise httpx.PoolTimeout("Timed out waiting for a free connection slot") from None
            raise

    def _release(self) -> None:
        """Give a finished request's slot to the longest-waiting request, or free it."""
        if self._waiters:
            waiter = self._waiters.popleft()
            waiter.granted = True  # the slot moves over: _active is unchanged
            waiter.event.set()
        else:
            self._active -= 1

    # -- connections ------------------------------------------------------------------------

    def _context(self) -> ssl.SSLContext:
        if self._ssl_context is None:  # built on first HTTPS use: loading CA certificates is slow
            self._ssl_context = httpx.create_ssl_context(verify=self._verify, trust_env=self._trust_env)
        return self._ssl_context

    async def _check_out(self, key: _Key) -> httpcore.AsyncHTTPConnection:
        stack = self._idle.get(key)
        while stack:
            connection = stack.pop()
            self._idle_count -= 1
            if connection.is_available() and not connection.has_expired():
                return connection
            await self._discard(connection)
        scheme, host, port = key
        return self._httpcore.AsyncHTTPConnection(
            self._httpcore.Origin(scheme, host, port),
            ssl_context=self._context() if scheme == b"https" else None,
            keepalive_expiry=self._keepalive_expiry,
        )

    async def _check_in(self, key: _Key, connection: httpcore.AsyncHTTPConnection) -> None:
        """Keep a connection whose response is closed for reuse, or close it."""
        if self._closed or not connection.is_available() or (
            self._max_idle is not None and self._idle_count >= self._max_idle
        ):
            await self._discard(connection)
            return
        stack = self._idle.setdefault(key, deque())
        stack.append(connection)
        self._idle_count += 1
        # Sweep from the bottom, where the longest-idle connections sink.
        while len(stack) > 1 and stack[0].has_expired():
            self._idle_count -= 1
            await self._discard(stack.popleft())

    @staticmethod
    async def _discard(connection: httpcore.AsyncHTTPConnection) -> None:
        with anyio.CancelScope(shield=True):
            # Closing a broken socket may fail; the connection is gone either way.
            with suppress(Exception):
                await connection.aclose()

    # -- the transport interface ------------------------------------------------------------

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self._closed:
            raise RuntimeError("this transport is closed")
        assert isinstance(request.stream, httpx.AsyncByteStream)
        url = request.url
        if url.raw_scheme not in (b"http", b"https"):
            raise httpx.UnsupportedProtocol(f"Request URL has an unsupported protocol '{url.scheme}://'.")
        port = url.port or (443 if url.raw_scheme == b"https" else 80)
        key = (url.raw_scheme, url.raw_host, port)
        core_request = self._httpcore.Request(
            method=request.method,
            url=self._httpcore.URL(scheme=url.raw_scheme, host=url.raw_host, port=port, target=url.raw_path),
            headers=request.headers.raw,
            content=request.stream,
            extensions=request.extensions,
        )
        await self._acquire(request.extensions.get("timeout", {}).get("pool"))
        try:
            for _ in range(3):  # an idle connection may turn out to be unusable; take another
                connection = await self._check_out(key)
                try:
                    response = await connection.handle_async_request(core_request)
                except self._httpcore.ConnectionNotAvailable:
                    await self._discard(connection)
                    continue
                except BaseException as exc:
                    await self._discard(connection)
                    mapped = _as_httpx(exc) if isinstance(exc, Exception) else exc
                    if mapped is exc:
                        raise
                    raise mapped from exc
                break
            else:
                raise httpx.ConnectError("No usable connection")
        except BaseException:
            self._release()
            raise
        return httpx.Response(
            status_code=response.status,
            headers=response.headers,
            stream=_PooledStream(self, key, connection, response.stream),
            extensions=response.extensions,
        )

    async def aclose(self) -> None:
        self._closed = True
        idle = [c for stack in self._idle.values() for c in stack]
        self._idle.clear()
        self._idle_count = 0
        for connection in idle:
            await self._discard(connection)

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None = None,
        exc: BaseException | None = None,
        tb: TracebackType | None = None,
    ) -> None:
        await self.aclose()
