"""``RateLimit(max_hold=...)``: a 429 that asks for hours fails the waiting calls instead of
parking them (a daily limit), with the server's reset time; shorter holds are waited out."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest

import gptkit
from gptkit._clock import get_clock
from gptkit.testing import VirtualClock
from tests.helpers import Recorder, chat_body, close, invoke, make_client

MESSAGES = [{"role": "user", "content": "hi"}]
EXACT = {"window": 1.0, "jitter": 0.0}  # rpm=60 -> one request at once, one a second


def ok() -> httpx.Response:
    return httpx.Response(200, json=chat_body(prompt=3, completion=1))


def daily_429(reset: str) -> httpx.Response:
    return httpx.Response(
        429,
        json={"error": {"message": "Rate limit reached for requests per day", "type": "requests",
                        "code": "rate_limit_exceeded"}},
        headers={"x-ratelimit-reset-requests": reset, "x-ratelimit-limit-requests": "10000"},
    )


async def chat(client: Any) -> Any:
    return await invoke(client, "chat.completions.create", model="gpt-4o", messages=MESSAGES, max_tokens=2)


async def test_a_hold_of_hours_fails_the_next_calls_at_once(kind: str) -> None:
    recorder = Recorder(daily_429("2h"), ok())
    with VirtualClock() as clock:
        client = make_client(kind, recorder, rate_limit=gptkit.RateLimit(rpm=6000, **EXACT))
        with pytest.raises(gptkit.RateLimitError) as first:
            await chat(client)  # the 429 itself: its wait is over max_retry_after, so it raises
        with pytest.raises(gptkit.RateLimitError) as held:
            await chat(client)  # the limiter holds everyone 2 h: past max_hold, refused unsent
        await close(client)
    assert first.value.retry_after == 7200
    assert held.value.retry_after == 7200 and held.value.status_code == 429
    assert held.value.response.headers["retry-after"] == "7200"
    assert "max_hold (300s)" in held.value.message and "not sent" in held.value.message
    assert held.value.response.headers["x-ratelimit-reset-requests"] == "2h"  # the server's words
    assert len(recorder.requests) == 1
    assert clock.sleeps == []  # nobody slept through the hold
    assert client._limiter is not None and client._limiter.stats().rejected == 1


async def test_a_hold_within_max_hold_is_waited_out(kind: str) -> None:
    recorder = Recorder(daily_429("100s"), ok())
    with VirtualClock() as clock:
        client = make_client(kind, recorder, rate_limit=gptkit.RateLimit(rpm=6000, **EXACT))
        with pytest.raises(gptkit.RateLimitError):
            await chat(client)  # 100 s is over max_retry_after (60 s): the 429 itself raises
        assert (await chat(client)).choices[0].message.content == "Hello!"
        await close(client)
    assert clock.sleeps == [pytest.approx(100.0)]
    assert len(recorder.requests) == 2


async def test_max_hold_is_configurable() -> None:
    recorder = Recorder(daily_429("100s"), ok())
    with VirtualClock() as clock:
        client = make_client("async", recorder, rate_limit=gptkit.RateLimit(rpm=6000, max_hold=30, **EXACT))
        with pytest.raises(gptkit.RateLimitError):
            await chat(client)
        with pytest.raises(gptkit.RateLimitError, match=r"max_hold \(30s\)"):
            await chat(client)
        await close(client)
    assert clock.sleeps == [] and len(recorder.requests) == 1
    for bad in (0, -1, float("nan"), True, "5"):
        with pytest.raises(ValueError, match="max_hold"):
            gptkit.RateLimit(max_hold=bad)  # type: ignore[arg-type]


async def test_queued_waiters_fail_when_a_long_hold_arrives() -> None:
    """Requests already waiting their turn when the 429 comes: they fail after their current
    sleep instead of sleeping two hours, and none of them is sent."""
    sent: list[httpx.Request] = []

    async def server(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        await get_clock().asleep(0.5)  # the 429 arrives while the others wait their turn
        return daily_429("2h")

    with VirtualClock() as clock:
        client = gptkit.AsyncClient(api_key="sk-test", transport=httpx.MockTransport(server),
                                    rate_limit=gptkit.RateLimit(rpm=60, **EXACT))
        results = await asyncio.gather(*(chat(client) for _ in range(3)), return_exceptions=True)
        await client.aclose()
    assert all(isinstance(r, gptkit.RateLimitError) for r in results), results
    waits = sorted(r.retry_after for r in results if isinstance(r, gptkit.RateLimitError))
    assert waits == [pytest.approx(7200, abs=1)] * 3
    assert len(sent) == 1
    assert sorted(clock.sleeps) == [0.5, 1.0]  # the server's half second, the queue's one second


async def test_a_hold_reaches_other_limiters_through_redis(redis_url: str, prefix: str) -> None:
    """Another process (here another limiter) on the same Redis lane: refused past max_hold."""
    import time

    backend = gptkit.RedisBackend(redis_url, prefix=prefix)
    one = make_client("sync", Recorder(daily_429("3h"), ok()),
                      rate_limit=gptkit.RateLimit(rpm=6000, backend=backend, **EXACT))
    other_recorder = Recorder(ok())
    other = make_client("async", other_recorder, rate_limit=gptkit.RateLimit(rpm=6000, backend=backend, **EXACT))
    with pytest.raises(gptkit.RateLimitError):
        await chat(one)
    started = time.monotonic()
    with pytest.raises(gptkit.RateLimitError) as held:
        await chat(other)
    assert time.monotonic() - started < 1.0
    assert held.value.retry_after == pytest.approx(10800, abs=2)
    assert other_recorder.requests == []
    await close(one)
    await close(other)
