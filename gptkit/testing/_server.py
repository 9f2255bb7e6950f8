"""The fake's socket shell: a small HTTP/1.1 server on asyncio streams.

Keep-alive connections, ``Content-Length`` bodies for plain answers and chunked transfer
encoding for event streams, real pauses, a TCP reset (``SO_LINGER`` 0) for dropped connections.
It runs in the foreground (``python -m gptkit.testing.fake_server``) or in a background thread
(``FakeOpenAI.serve()``).
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import struct
import threading
from http import HTTPStatus
from types import TracebackType
from typing import TYPE_CHECKING

from gptkit.testing._fake_reply import Drop, FakeReply

if TYPE_CHECKING:
    from gptkit.testing._fake import FakeOpenAI
    from gptkit.testing._fake_core import FakeCore

__all__ = ["FakeServer", "serve_on"]

_MAX_BODY = 512 * 1024 * 1024


class _BadRequest(Exception):
    pass


def _reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Unknown"


async def _read_body(reader: asyncio.StreamReader, headers: dict[str, str]) -> bytes:
    if "chunked" in headers.get("transfer-encoding", "").lower():
        parts: list[bytes] = []
        while True:
            size_line = await reader.readuntil(b"\r\n")
            size = int(size_line.split(b";", 1)[0].strip() or b"0", 16)
            if size == 0:
                while (await reader.readuntil(b"\r\n")) != b"\r\n":
                    pass  # trailers
                return b"".join(parts)
            parts.append(await reader.readexactly(size))
            await reader.readexactly(2)
    length = int(headers.get("content-length", "0") or "0")
    if length < 0 or length > _MAX_BODY:
        raise _BadRequest("bad content-length")
    return await reader.readexactly(length) if length else b""


def _parse_head(head: bytes) -> tuple[str, str, str, dict[str, str]]:
    lines = head.decode("latin-1").split("\r\n")
    try:
        method, target, version = lines[0].split(" ", 2)
    except ValueError:
        raise _BadRequest("bad request line") from None
    headers: dict[str, str] = {}
    for line in lines[1:]:
        if line:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
    return method, target, version, headers


def _reset(writer: asyncio.StreamWriter) -> None:
    sock = writer.get_extra_info("socket")
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    writer.transport.abort()


async def _play(reply: FakeReply, writer: asyncio.StreamWriter, keep_alive: bool) -> bool:
    """Send one reply; returns whether the connection may serve another request."""
    if reply.header_delay > 0:
        await asyncio.sleep(reply.header_delay)
    if reply.drop_before_headers:
        _reset(writer)
        return False
    head = [f"HTTP/1.1 {reply.status} {_reason(reply.status)}"]
    head += [f"{name}: {value}" for name, value in reply.headers]
    if reply.stream:
        head.append("transfer-encoding: chunked")
    else:
        head.append(f"content-length: {reply.content_length}")
    head.append("connection: keep-alive" if keep_alive else "connection: close")
    writer.write(("\r\n".join(head) + "\r\n\r\n").encode("latin-1"))
    for step in reply.steps():
        if isinstance(step, bytes):
            writer.write(b"%x\r\n%s\r\n" % (len(step), step) if reply.stream else step)
            if reply.stream:
                await writer.drain()  # each event leaves now, not when the buffer fills
        elif isinstance(step, Drop):
            await writer.drain()
            writer.close()  # EOF before the body is complete
            return False
        else:
            await writer.drain()
            await asyncio.sleep(step)
    if reply.stream:
        writer.write(b"0\r\n\r\n")
    await writer.drain()
    return keep_alive


async def _connection(core: FakeCore, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while True:
            try:
                head = await reader.readuntil(b"\r\n\r\n")
            except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ConnectionError):
                return
            try:
                method, target, version, headers = _parse_head(head[:-4])
                if headers.get("expect", "").lower() == "100-continue":
                    writer.write(b"HTTP/1.1 100 Continue\r\n\r\n")
                body = await _read_body(reader, headers)
            except (_BadRequest, ValueError):
                writer.write(b"HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\nconnection: close\r\n\r\n")
                return
            connection = headers.get("connection", "").lower()
            keep_alive = connection != "close" if version == "HTTP/1.1" else connection == "keep-alive"
            reply = core.handle(method, target, headers, body)
            core._opened()
            try:
                if not await _play(reply, writer, keep_alive):
                    return
            finally:
                core._closed()
    except (ConnectionError, asyncio.IncompleteReadError):
        return
    finally:
        if not writer.transport.is_closing():
            writer.close()


async def serve_on(core: FakeCore, host: str, port: int) -> asyncio.Server:
    """Start serving ``core`` on ``host:port`` in the running loop (port 0: any free port)."""
    tasks: set[asyncio.Task[None]] = set()

    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        tasks.add(task)
        try:
            await _connection(core, reader, writer)
        except asyncio.CancelledError:
            pass  # shutting down; a cancelled task would upset asyncio's stream callback
        finally:
            tasks.discard(task)

    server = await asyncio.start_server(handler, host, port, backlog=4096, reuse_address=True)
    server._gptkit_tasks = tasks  # type: ignore[attr-defined]
    return server


class FakeServer:
    """A fake server running in a background thread; ``base_url`` ends in ``/v1``.

    Use it as a context manager (``with fake.serve() as server:``) or call ``close()``.
    ``FakeOpenAI.serve()`` builds and starts one; ``port`` is the port it listens on.

    :param core: the fake it serves.
    :param host: the address to listen on.
    :param port: the port to listen on; 0 picks a free one.
    """

    def __init__(self, core: FakeOpenAI, host: str = "127.0.0.1", port: int = 0) -> None:
        self.fake = core
        self.host = host
        self._requested_port = port
        self.port: int = 0
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Future[None] | None = None
        self._ready = threading.Event()
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="gptkit-fake-server", daemon=True)

    @property
    def url(self) -> str:
        """``http://HOST:PORT``, without the ``/v1``."""
        return f"http://{self.host}:{self.port}"

    @property
    def base_url(self) -> str:
        """The URL to give a client as ``base_url``."""
        return f"{self.url}/v1"

    def start(self) -> FakeServer:
        """Start serving in the background thread; returns once it listens (``port`` is set)."""
        self._thread.start()
        self._ready.wait(10)
        if self._error is not None:
            raise self._error
        return self

    def _run(self) -> None:
        loop = self._loop = asyncio.new_event_loop()
        try:
            loop.run_until_complete(self._main())
        except BaseException as exc:  # reported to start() or lost at shutdown
            self._error = exc
            self._ready.set()
        finally:
            loop.close()

    async def _main(self) -> None:
        server = await serve_on(self.fake, self.host, self._requested_port)
        self.port = server.sockets[0].getsockname()[1]
        self._stop = asyncio.get_running_loop().create_future()
        self._ready.set()
        await self._stop
        server.close()
        tasks: set[asyncio.Task[None]] = server._gptkit_tasks  # type: ignore[attr-defined]
        for task in list(tasks):
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    def close(self) -> None:
        """Stop serving, drop open connections and join the thread."""
        loop, stop = self._loop, self._stop
        if loop is not None and stop is not None and not loop.is_closed():
            def finish() -> None:
                if not stop.done():
                    stop.set_result(None)

            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(finish)
        self._thread.join(10)

    def __enter__(self) -> FakeServer:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<FakeServer {self.base_url}>"
