"""Streams and the rate limiter, over the transport seam: a stream holds its concurrency slot
until it ends, and every way of ending (completed, abandoned, failed before its first event)
gives the slot back and settles the token charge once.

``RateLimit(max_concurrency=1)`` makes a leaked slot visible: ``stats().in_flight`` stays 1 and
the next call would wait forever (each test checks ``in_flight`` first, so a leak fails fast
instead of hanging). The clock is virtual and frozen, so token levels are exact.
"""

from __future__ import annotations

import asyncio
import gc
import threading
from typing import Any

import httpx
import pytest

import gptkit
from gptkit._ratelimit._limiter import request_tokens
from gptkit.testing import VirtualClock
from tests.helpers import Recorder, chat_body, close, invoke, make_client
from tests.streams import SSE_HEADERS, ScriptedBody, sse, stream_chunks

MESSAGES = [{"role": "user", "content": "hi"}]
BODY = {"model": "gpt-4o", "messages": MESSAGES, "max_tokens": 40, "stream": True}
COST = request_tokens(BODY)  # what the limiter charges up front
ANSWER = chat_body("Hello there, streaming world!", prompt=9, completion=7)  # usage: 16 tokens
#: One read per event, so a stream is handed over after its first chunk, not already complete.
EVENTS = [event + b"\n\n" for event in sse(*stream_chunks(ANSWER, piece=4)).split(b"\n\n") if event]
TPM = COST * 60 * 10  # ten requests' worth at once (window 1 s, no jitter: usable == capacity)


def limiter(*, refund: bool = True) -> gptkit.RateLimiter:
    # refund=True makes every settlement visible in the token count (the default keeps the
    # up-front charge unless the usage exceeds it; see test_completed_stream_keeps_...).
    return gptkit.RateLimiter(gptkit.RateLimit(tpm=TPM, max_concurrency=1, window=1.0, jitter=0.0,
                                               refund=refund))


def stream_ok(_request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, headers=SSE_HEADERS, stream=ScriptedBody(*EVENTS))


def stream_of(*parts: bytes | Exception) -> Any:
    def respond(_request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers=SSE_HEADERS, stream=ScriptedBody(*parts))
    return respond


def tokens_used(shared: gptkit.RateLimiter) -> float:
    """Tokens the limiter counts as spent right now (the clock is frozen: nothing drained)."""
    available = shared.stats().scopes["gpt-4o"]["tokens_available"]
    assert available is not None
    return TPM / 60.0 - available


async def open_stream(client: Any) -> Any:
    return await invoke(client, "chat.completions.create", **BODY)


async def open_stream_bounded(client: Any) -> Any:
    """``open_stream`` that fails instead of hanging when it waits for a slot that leaked."""
    if isinstance(client, gptkit.AsyncClient):
        return await asyncio.wait_for(open_stream(client), 10)
    box: dict[str, Any] = {}

    def run() -> None:
        try:
            box["stream"] = client.chat.completions.create(**BODY)
        except BaseException as exc:
            box["error"] = exc

    thread = threading.Thread(target=run, daemon=True)  # a stuck sync wait cannot be interrupted
    thread.start()
    thread.join(10)
    assert not thread.is_alive(), "the call is stuck waiting for a concurrency slot that leaked"
    if "error" in box:
        raise box["error"]
    return box["stream"]


async def read_all(stream: Any) -> str:
    text = ""
    if isinstance(stream, gptkit.AsyncStream):
        async for chunk in stream:
            text += "".join(c.delta.content or "" for c in chunk.choices)
    else:
        for chunk in stream:
            text += "".join(c.delta.content or "" for c in chunk.choices)
    return text


async def next_chunk(stream: Any) -> Any:
    return await stream.__anext__() if isinstance(stream, gptkit.AsyncStream) else next(stream)


async def close_stream(stream: Any) -> None:
    if isinstance(stream, gptkit.AsyncStream):
        await stream.aclose()
    else:
        stream.close()


async def next_call_proceeds(client: Any, shared: gptkit.RateLimiter) -> None:
    """The slot is free: a whole second stream runs (bounded, in case it is not)."""
    assert shared.stats().in_flight == 0, "the concurrency slot leaked"

    assert await read_all(await open_stream_bounded(client)) == "Hello there, streaming world!"
    assert shared.stats().in_flight == 0


async def test_completed_stream_settles_with_the_real_usage(kind: str) -> None:
    shared = limiter()
    with VirtualClock():
        client = make_client(kind, Recorder(stream_ok), rate_limit=shared)
        stream = await open_stream(client)
        assert shared.stats().in_flight == 1  # a stream holds its slot while it runs
        assert tokens_used(shared) == COST  # charged the estimate up front
        assert await read_all(stream) == "Hello there, streaming world!"
        assert stream.usage.total_tokens == 16
        assert shared.stats().in_flight == 0
        assert tokens_used(shared) == pytest.approx(16)  # corrected to the usage the server reported
        await next_call_proceeds(client, shared)
        assert tokens_used(shared) == pytest.approx(32)  # settled once each, never twice
        await close(client)


async def test_completed_stream_keeps_the_up_front_charge_by_default(kind: str) -> None:
    shared = limiter(refund=False)
    with VirtualClock():
        client = make_client(kind, Recorder(stream_ok), rate_limit=shared)
        assert await read_all(await open_stream(client)) == "Hello there, streaming world!"
        assert shared.stats().in_flight == 0
        assert tokens_used(shared) == COST  # used 16: the server keeps its charge, so does gptkit
        await close(client)


@pytest.mark.parametrize("failure", ["503", "reset before the first event", "empty body"])
async def test_stream_whose_first_attempt_fails_before_its_first_event_completes(kind: str, failure: str) -> None:
    first: Any = {
        "503": httpx.Response(503, json={"error": {"message": "overloaded", "type": "server_error"}}),
        "reset before the first event": stream_of(httpx.ReadError("connection reset by peer")),
        "empty body": stream_of(b""),
    }[failure]
    recorder = Recorder(first, stream_ok)
    shared = limiter()
    policy = gptkit.RetryPolicy(max_attempts=3, initial_backoff=0.0, max_backoff=0.0)
    with VirtualClock():
        client = make_client(kind, recorder, rate_limit=shared, retry=policy)
        # With one slot, a retry that found the failed attempt's slot still taken would wait forever.
        stream = await open_stream_bounded(client)
        assert await read_all(stream) == "Hello there, streaming world!"
        assert len(recorder.requests) == 2
        stats = shared.stats()
        assert stats.requests == 2 and stats.in_flight == 0  # each attempt acquired, both released
        # The failed attempt keeps its charge (the server may have counted it); the stream's is
        # corrected to its usage.
        assert tokens_used(shared) == pytest.approx(COST + 16)
        await next_call_proceeds(client, shared)
        await close(client)


@pytest.mark.parametrize("how", ["break", "close"])
async def test_stream_abandoned_after_its_first_chunk_frees_the_slot(kind: str, how: str) -> None:
    shared = limiter()
    with VirtualClock():
        client = make_client(kind, Recorder(stream_ok), rate_limit=shared)
        stream = await open_stream(client)
        if how == "close":
            await next_chunk(stream)
            await close_stream(stream)
        elif isinstance(stream, gptkit.AsyncStream):
            async for _chunk in stream:
                break
            # Leaving ``async for`` early closes the stream through the event loop's async
            # generator finalizer: give it its turn (it runs as soon as the loop is free).
            del _chunk
            gc.collect()
            for _ in range(5):
                await asyncio.sleep(0)
        else:
            for _chunk in stream:
                break
        assert stream.completed is False
        # Billed for what was generated before it was left: less than the up-front estimate, more than 0.
        assert 0 < tokens_used(shared) < COST
        await next_call_proceeds(client, shared)
        await close(client)


async def test_stream_broken_midway_frees_the_slot(kind: str) -> None:
    shared = limiter()
    half = EVENTS[: len(EVENTS) // 2]
    recorder = Recorder(stream_of(*half, httpx.ReadError("connection reset by peer")), stream_ok)
    with VirtualClock():
        client = make_client(kind, recorder, rate_limit=shared)
        stream = await open_stream(client)
        with pytest.raises(gptkit.StreamInterruptedError):
            await read_all(stream)
        assert 0 < tokens_used(shared) < COST
        await next_call_proceeds(client, shared)
        await close(client)


async def test_async_waiter_gets_the_slot_when_the_stream_ends() -> None:
    """A second call queued behind an open stream starts only once that stream has finished."""
    shared = limiter()
    recorder = Recorder(stream_ok)
    async with gptkit.AsyncClient(api_key="sk-x", transport=recorder.transport, rate_limit=shared) as client:
        first = await client.chat.completions.create(**BODY)  # type: ignore[call-overload]
        second = asyncio.create_task(client.chat.completions.create(**BODY))  # type: ignore[call-overload]
        for _ in range(20):
            await asyncio.sleep(0)
        assert not second.done() and len(recorder.requests) == 1  # queued for the slot
        assert await read_all(first) == "Hello there, streaming world!"
        stream = await asyncio.wait_for(second, 10)
        assert await read_all(stream) == "Hello there, streaming world!"
    assert shared.stats().in_flight == 0
