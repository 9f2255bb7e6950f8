"""Streams against a real HTTP server on 127.0.0.1: the connection pool and the read timeout."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest

import gptkit

from .helpers import API_KEY
from .streams import LocalSSEServer, Stall, sse

MSGS = [{"role": "user", "content": "hi"}]


def chunk(content: str | None = None, finish: str | None = None) -> dict[str, Any]:
    delta = {} if content is None else {"content": content}
    return {"id": "c", "object": "chat.completion.chunk", "created": 1, "model": "gpt-4o",
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}


FIRST = sse(chunk("Hel"), done=False)
REST = sse(chunk("lo"), chunk(finish="stop"))


def _busy_connections(http: httpx.Client | httpx.AsyncClient) -> list[Any]:
    pool = http._transport._pool  # type: ignore[union-attr]
    return [c for c in pool.connections if not (c.is_idle() or c.is_closed())]


def _one_connection_client(kind: str, base_url: str) -> Any:
    # One connection only, and a short pool timeout: a leaked connection makes the next call fail.
    limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
    timeout = httpx.Timeout(5.0, pool=0.5)
    if kind == "sync":
        return gptkit.Client(api_key=API_KEY, base_url=base_url, max_retries=0,
                             http_client=httpx.Client(limits=limits, timeout=timeout))
    return gptkit.AsyncClient(api_key=API_KEY, base_url=base_url, max_retries=0,
                              http_client=httpx.AsyncClient(limits=limits, timeout=timeout))


def test_sync_pool_released_after_break_and_after_an_exception() -> None:
    with LocalSSEServer(FIRST, Stall(0.2), REST) as server:
        client = _one_connection_client("sync", server.base_url)
        # The streams stay referenced, so it is the loop, not garbage collection, that releases.
        first = client.chat.completions.create(model="gpt-4o", messages=MSGS, stream=True)
        for _ in first:
            break
        assert _busy_connections(client._http) == []
        second = client.chat.completions.create(model="gpt-4o", messages=MSGS, stream=True)
        with pytest.raises(KeyError):  # noqa: PT012
            for _ in second:
                raise KeyError("boom")
        assert _busy_connections(client._http) == []
        # the only connection is free again: a full stream and a second one go through
        for _ in range(2):
            stream = client.chat.completions.create(model="gpt-4o", messages=MSGS, stream=True)
            assert stream.get_final_completion().choices[0].message.content == "Hello"
        assert _busy_connections(client._http) == []
        assert server.requests == 4
        assert not first.completed and not second.completed
        client._http.close()


async def test_async_pool_released_after_break_and_after_an_exception() -> None:
    with LocalSSEServer(FIRST, Stall(0.2), REST) as server:
        client = _one_connection_client("async", server.base_url)
        stream = await client.chat.completions.create(model="gpt-4o", messages=MSGS, stream=True)
        async for _ in stream:
            break
        await asyncio.sleep(0.01)  # the event loop finalizes the abandoned async generator
        assert _busy_connections(client._http) == []
        second = await client.chat.completions.create(model="gpt-4o", messages=MSGS, stream=True)
        with pytest.raises(KeyError):  # noqa: PT012
            async for _ in second:
                raise KeyError("boom")
        await asyncio.sleep(0.01)
        assert _busy_connections(client._http) == []
        for _ in range(2):
            stream = await client.chat.completions.create(model="gpt-4o", messages=MSGS, stream=True)
            final = await stream.get_final_completion()
            assert final.choices[0].message.content == "Hello"
        assert _busy_connections(client._http) == []
        await client._http.aclose()


def test_sync_stalled_stream_raises_timeout() -> None:
    with LocalSSEServer(FIRST, Stall(1.5), REST) as server:
        client = gptkit.Client(api_key=API_KEY, base_url=server.base_url, timeout=httpx.Timeout(5.0, read=0.2))
        stream = client.chat.completions.create(model="gpt-4o", messages=MSGS, stream=True)
        got = []
        with pytest.raises(gptkit.APITimeoutError, match="stalled"):
            got.extend(stream)
        assert [c.choices[0].delta.content for c in got] == ["Hel"]
        assert server.requests == 1  # after the first event nothing is re-sent
        client.close()


async def test_async_stalled_stream_raises_timeout() -> None:
    with LocalSSEServer(FIRST, Stall(1.5), REST) as server:
        client = gptkit.AsyncClient(api_key=API_KEY, base_url=server.base_url,
                                    timeout=httpx.Timeout(5.0, read=0.2))
        stream = await client.chat.completions.create(model="gpt-4o", messages=MSGS, stream=True)
        got = []
        with pytest.raises(gptkit.APITimeoutError, match="stalled"):  # noqa: PT012
            async for c in stream:
                got.append(c)
        assert [c.choices[0].delta.content for c in got] == ["Hel"]
        assert server.requests == 1
        await client.aclose()
