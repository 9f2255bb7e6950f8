"""AsyncPoolTransport: FIFO slots and its connection pool, over a real server on 127.0.0.1."""

from __future__ import annotations

import asyncio
import json
import socket
import ssl
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

import gptkit
from gptkit._core._pool import AsyncPoolTransport
from tests.helpers import API_KEY, chat_body


class Server:
    """A scriptable HTTP/1.1 server in the test's own event loop.

    ``/hold/<name>`` answers only after ``release(name)``; ``/close`` drops the connection without
    answering; ``/truncated`` drops it in the middle of the body; ``/big`` sends a 256 KiB body;
    anything else answers a chat completion at once.
    """

    def __init__(self) -> None:
        self.arrivals: list[str] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self.connections = 0
        self.gates: dict[str, asyncio.Event] = {}
        self.writers: list[asyncio.StreamWriter] = []
        self.server: asyncio.Server | None = None
        self.url = ""

    async def start(self) -> None:
        self.server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        port = self.server.sockets[0].getsockname()[1]
        self.url = f"http://127.0.0.1:{port}"

    async def stop(self) -> None:
        assert self.server is not None
        self.server.close()
        for writer in self.writers:
            writer.close()
        await self.server.wait_closed()

    def gate(self, name: str) -> asyncio.Event:
        return self.gates.setdefault(name, asyncio.Event())

    def release(self, name: str) -> None:
        self.gate(name).set()

    def close_idle(self) -> None:
        for writer in self.writers:
            writer.close()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        self.writers.append(writer)
        try:
            while True:
                try:
                    head = await reader.readuntil(b"\r\n\r\n")
                except (asyncio.IncompleteReadError, ConnectionError):
                    return
                lines = head.decode().split("\r\n")
                path = lines[0].split(" ")[1]
                length = 0
                for line in lines[1:]:
                    if line.lower().startswith("content-length:"):
                        length = int(line.split(":", 1)[1])
                await reader.readexactly(length)
                self.arrivals.append(path)
                self.in_flight += 1
                self.max_in_flight = max(self.max_in_flight, self.in_flight)
                try:
                    if path.startswith("/hold/"):
                        await self.gate(path[len("/hold/"):]).wait()
                    if path == "/close":
                        writer.close()
                        return
                    if path == "/truncated":
                        writer.write(b"HTTP/1.1 200 OK\r\ncontent-length: 1000\r\n\r\npartial")
                        await writer.drain()
                        writer.close()
                        return
                    body = b"x" * 262_144 if path == "/big" else json.dumps(chat_body()).encode()
                finally:
                    self.in_flight -= 1
                writer.write(
                    b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n"
                    b"content-length: %d\r\n\r\n%s" % (len(body), body)
                )
                await writer.drain()
        finally:
            writer.close()


@pytest.fixture
async def server() -> AsyncIterator[Server]:
    srv = Server()
    await srv.start()
    yield srv
    await srv.stop()


def pool(max_connections: int | None = 10, **limits: Any) -> AsyncPoolTransport:
    return AsyncPoolTransport(limits=httpx.Limits(max_connections=max_connections, **limits))


async def until(predicate: Any, what: str) -> None:
    for _ in range(400):
        if predicate():
            return
        await asyncio.sleep(0.005)
    raise AssertionError(f"timed out waiting until {what}")


async def test_limit_is_respected_and_waiting_requests_go_first_in_first_out(server: Server) -> None:
    transport = pool(2)
    async with httpx.AsyncClient(transport=transport, base_url=server.url) as http:
        names = [f"r{i}" for i in range(6)]
        tasks = []
        for name in names:
            tasks.append(asyncio.create_task(http.get(f"/hold/{name}")))
            await asyncio.sleep(0.01)  # each request enters the queue in this order
        await until(lambda: len(server.arrivals) == 2, "two requests reach the server")
        await asyncio.sleep(0.05)
        assert server.arrivals == ["/hold/r0", "/hold/r1"]  # the other four wait in the queue
        assert repr(transport) == "<AsyncPoolTransport [2 active, 4 queued, 0 idle]>"
        # Each finished request hands its slot to the longest-waiting one.
        for done, name in enumerate(names, start=1):
            server.release(name)
            await until(lambda done=done: server.arrivals.__len__() >= min(done + 2, 6), "next arrival")
        responses = await asyncio.gather(*tasks)
    assert [r.status_code for r in responses] == [200] * 6
    assert server.arrivals == [f"/hold/{n}" for n in names]
    assert server.max_in_flight == 2
    assert server.connections == 2  # slots were handed over with their warm connections


async def test_cancelling_a_queued_request_frees_its_place(server: Server) -> None:
    transport = pool(1)
    async with httpx.AsyncClient(transport=transport, base_url=server.url) as http:
        first = asyncio.create_task(http.get("/hold/a"))
        await until(lambda: server.arrivals == ["/hold/a"], "a arrives")
        queued = asyncio.create_task(http.get("/hold/b"))
        await asyncio.sleep(0.02)
        queued.cancel()
        with pytest.raises(asyncio.CancelledError):
            await queued
        server.release("a")
        assert (await first).status_code == 200
        assert (await http.get("/after")).status_code == 200
    assert server.arrivals == ["/hold/a", "/after"]  # the cancelled request was never sent
    assert (transport._active, len(transport._waiters)) == (0, 0)


async def test_cancelling_an_in_flight_request_frees_its_slot(server: Server) -> None:
    transport = pool(1)
    async with httpx.AsyncClient(transport=transport, base_url=server.url) as http:
        task = asyncio.create_task(http.get("/hold/a"))
        await until(lambda: server.arrivals == ["/hold/a"], "a arrives")
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        assert transport._active == 0
        assert (await http.get("/after")).status_code == 200
    assert server.connections == 2  # the half-used connection was not reused


async def test_waiting_longer_than_the_pool_timeout_raises_pool_timeout(server: Server) -> None:
    transport = pool(1)
    async with httpx.AsyncClient(transport=transport, base_url=server.url) as http:
        first = asyncio.create_task(http.get("/hold/a"))
        await until(lambda: len(server.arrivals) == 1, "a arrives")
        with pytest.raises(httpx.PoolTimeout):
            await http.get("/late", timeout=httpx.Timeout(5.0, pool=0.05))
        server.release("a")
        await first
        assert (await http.get("/after")).status_code == 200
    assert server.arrivals == ["/hold/a", "/after"]
    assert (transport._active, len(transport._waiters)) == (0, 0)


async def test_a_streamed_response_holds_its_slot_until_closed(server: Server) -> None:
    transport = pool(1)
    async with httpx.AsyncClient(transport=transport, base_url=server.url) as http:
        request = http.build_request("GET", "/big")
        response = await http.send(request, stream=True)
        other = asyncio.create_task(http.get("/other"))
        await asyncio.sleep(0.05)
        assert server.arrivals == ["/big"]  # /other waits for the stream's slot
        chunks = response.aiter_raw()
        first = await chunks.__anext__()
        await asyncio.sleep(0.02)
        assert server.arrivals == ["/big"]  # half read: still held
        await chunks.aclose()
        await response.aclose()
        assert (await other).status_code == 200
    assert 0 < len(first) < 262_144
    assert server.arrivals == ["/big", "/other"]
    assert server.connections == 2  # a half-read connection is closed, not reused


async def test_a_fully_read_response_returns_its_connection_only_when_closed(server: Server) -> None:
    transport = pool(1)
    response = await transport.handle_async_request(httpx.Request("GET", server.url + "/big"))
    body = b"".join([chunk async for chunk in response.stream])  # type: ignore[union-attr]
    assert len(body) == 262_144
    assert (transport._active, transport._idle_count) == (1, 0)
    await response.aclose()
    assert (transport._active, transport._idle_count) == (0, 1)
    await transport.aclose()


async def test_errors_release_the_slot_and_map_to_httpx_errors(server: Server) -> None:
    transport = pool(1)
    async with httpx.AsyncClient(transport=transport, base_url=server.url) as http:
        with pytest.raises(httpx.RemoteProtocolError):
            await http.get("/close")
        assert transport._active == 0
        assert (await http.get("/after")).status_code == 200
        with pytest.raises(httpx.RemoteProtocolError):
            await http.get("/truncated")  # fails while reading the body, after the headers
        assert transport._active == 0
        assert (await http.get("/again")).status_code == 200
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    async with httpx.AsyncClient(transport=(dead := pool(1))) as http:
        with pytest.raises(httpx.ConnectError):
            await http.get(f"http://127.0.0.1:{port}/nobody-listens")
        assert dead._active == 0


async def test_idle_connections_are_reused_bounded_and_expired(server: Server) -> None:
    transport = pool(10, max_keepalive_connections=2, keepalive_expiry=0.05)
    async with httpx.AsyncClient(transport=transport, base_url=server.url) as http:
        for _ in range(3):
            assert (await http.get("/seq")).status_code == 200
        assert server.connections == 1
        tasks = [asyncio.create_task(http.get(f"/hold/{i}")) for i in range(4)]
        await until(lambda: server.max_in_flight == 4, "four in flight")
        for i in range(4):
            server.release(str(i))
        await asyncio.gather(*tasks)
        assert transport._idle_count == 2  # only max_keepalive_connections are kept
        await asyncio.sleep(0.1)  # past keepalive_expiry: the next request opens a new one
        before = server.connections
        assert (await http.get("/fresh")).status_code == 200
        assert server.connections == before + 1


async def test_a_connection_the_server_closed_while_idle_is_not_reused(server: Server) -> None:
    transport = pool(10)
    async with httpx.AsyncClient(transport=transport, base_url=server.url) as http:
        assert (await http.get("/one")).status_code == 200
        server.close_idle()
        await asyncio.sleep(0.02)
        assert (await http.get("/two")).status_code == 200
    assert server.connections == 2


async def test_closed_transport_refuses_requests(server: Server) -> None:
    transport = pool(1)
    http = httpx.AsyncClient(transport=transport, base_url=server.url)
    await http.get("/one")
    await http.aclose()
    with pytest.raises(RuntimeError):
        await transport.handle_async_request(httpx.Request("GET", server.url + "/two"))


async def test_async_client_uses_the_pool_by_default_over_a_real_server(server: Server) -> None:
    async with gptkit.AsyncClient(api_key=API_KEY, base_url=server.url + "/v1") as client:
        transport = client._http._transport
        assert isinstance(transport, AsyncPoolTransport)
        results = await asyncio.gather(*(
            client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "hi"}])
            for _ in range(20)
        ))
        assert {r.choices[0].message.content for r in results} == {"Hello!"}
        assert transport._active == 0
    assert server.arrivals == ["/v1/chat/completions"] * 20


async def test_a_transport_or_http_client_from_the_caller_is_used_as_given() -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.url.path)
        return httpx.Response(200, json=chat_body())

    mock = httpx.MockTransport(handler)
    async with gptkit.AsyncClient(api_key=API_KEY, transport=mock) as client:
        assert client._http._transport is mock
        await client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "hi"}])
    own = httpx.AsyncClient(transport=mock)
    async with gptkit.AsyncClient(api_key=API_KEY, http_client=own) as client:
        assert client._http is own
        await client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "hi"}])
    await own.aclose()
    assert seen == ["/v1/chat/completions"] * 2


async def test_the_tls_context_is_built_once_and_only_for_https() -> None:
    transport = pool(1)
    plain = await transport._check_out((b"http", b"127.0.0.1", 80))
    assert transport._ssl_context is None  # loading CA certificates is slow: not for plain HTTP
    secure = await transport._check_out((b"https", b"api.example.com", 443))
    again = await transport._check_out((b"https", b"api.example.com", 443))
    assert isinstance(transport._ssl_context, ssl.SSLContext)
    assert transport._ssl_context.verify_mode == ssl.CERT_REQUIRED
    assert secure is not again  # nothing idle yet: each request gets its own connection
    for connection in (plain, secure, again):
        assert not connection.is_available()  # never connected: no I/O happened
    await transport.aclose()
