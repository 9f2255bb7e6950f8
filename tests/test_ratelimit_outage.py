"""Shared rate limits while Redis is unreachable, against a private redis-server the tests stop,
freeze and start again: fail closed with a typed error, or go on at a local share and re-join
the shared limits when Redis answers, without a burst of 429s either way."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import httpx
import pytest

import gptkit
from gptkit.testing import FakeOpenAI, VirtualClock
from tests.helpers import Recorder, chat_body, close, invoke, make_client
from tests.redis_server import RedisServer

pytestmark = pytest.mark.redis

MESSAGES = [{"role": "user", "content": "hi"}]
FAST = {"reconnect": 0.2, "timeout": 0.5}


async def chat(client: Any) -> Any:
    return await invoke(client, "chat.completions.create", model="gpt-4o", messages=MESSAGES, max_tokens=2)


async def test_fail_closed_then_recover_in_the_same_process(kind: str, own_redis: RedisServer) -> None:
    answers = Recorder(httpx.Response(200, json=chat_body()))
    stop_during_second = Recorder(httpx.Response(200, json=chat_body()))
    backend = gptkit.RedisBackend(own_redis.url, **FAST)
    limit = gptkit.RateLimit(rpm=6000, window=1.0, backend=backend)
    client = make_client(kind, answers, rate_limit=limit, max_retries=0)
    await chat(client)

    def stop_then_answer(request: httpx.Request) -> httpx.Response:
        own_redis.stop()  # Redis goes while this request is at the server
        return httpx.Response(200, json=chat_body("answered"))

    stop_during_second.script = [stop_then_answer]
    second = make_client(kind, stop_during_second, rate_limit=limit, max_retries=0)
    reply = await chat(second)  # its headers cannot reach Redis: the answer still reaches the caller
    assert reply.choices[0].message.content == "answered"
    started = time.monotonic()
    with pytest.raises(gptkit.RateLimitBackendError, match="Nothing was sent"):
        await chat(client)
    assert time.monotonic() - started < 3
    assert len(answers.requests) == 1
    own_redis.start()
    await chat(client)  # no restart needed
    assert len(answers.requests) == 2
    assert client._limiter is not None and client._limiter.stats().local_fallback is False
    await close(client)
    await close(second)


def test_on_outage_options_are_checked() -> None:
    with pytest.raises(ValueError, match="expected_workers"):
        gptkit.RedisBackend("redis://127.0.0.1:1/0", on_outage="local")
    with pytest.raises(ValueError, match="on_outage"):
        gptkit.RedisBackend("redis://127.0.0.1:1/0", on_outage="ignore")  # type: ignore[arg-type]
    for bad in (0, -2, 1.5, True):
        with pytest.raises(ValueError, match="expected_workers"):
            gptkit.RedisBackend("redis://127.0.0.1:1/0", on_outage="local", expected_workers=bad)  # type: ignore[arg-type]
    assert "on_outage='local'" in repr(gptkit.RedisBackend("redis://127.0.0.1:1/0", on_outage="local",
                                                           expected_workers=3))


async def test_local_share_while_redis_is_away(kind: str, own_redis: RedisServer) -> None:
    """rpm=120 shared by 2 workers: 60 a minute each (one a second with a one-second window)
    while Redis is away, starting with the share's burst spent; back to Redis after a window."""
    backend = gptkit.RedisBackend(own_redis.url, on_outage="local", expected_workers=2, reconnect=0.0,
                                  timeout=0.5)
    recorder = Recorder(httpx.Response(200, json=chat_body()))
    client = make_client(kind, recorder, rate_limit=gptkit.RateLimit(rpm=120, window=1.0, jitter=0.0,
                                                                    backend=backend), max_retries=0)
    limiter = client._limiter
    assert limiter is not None
    own_redis.stop()
    with VirtualClock() as clock:
        for _ in range(3):
            await chat(client)
        assert clock.sleeps == [1.0, 1.0, 1.0]  # the share's pace, not the full limit's
        assert limiter.stats().local_fallback is True
        own_redis.start()
        await chat(client)  # Redis answers the probe: re-joining, the local share still counts
        assert clock.sleeps[3:] == [1.0]
        clock.advance(1.5)  # a window later: Redis alone again
        await chat(client)
        assert limiter.stats().local_fallback is False
    assert len(recorder.requests) == 5
    await close(client)


@pytest.mark.slow
@pytest.mark.parametrize("outage", ["stopped", "frozen"])
async def test_no_429s_when_redis_goes_and_comes_back(own_redis: RedisServer, outage: str) -> None:
    """Four workers (four limiters, as four processes) share rpm=2400 through Redis, on a
    1-second window, against a fake that enforces the same limit. Redis goes for 1.2 s in the
    middle of the run and comes back: the workers go on at a quarter each and re-join."""
    fake = FakeOpenAI(rpm=2400, tpm=10_000_000, window=1.0)
    clients = [
        gptkit.AsyncClient(api_key="sk-test", transport=fake, max_retries=0, rate_limit=gptkit.RateLimit(
            rpm=2400, tpm=10_000_000, window=1.0, backend=gptkit.RedisBackend(
                own_redis.url, on_outage="local", expected_workers=4, reconnect=0.2, timeout=0.3)))
        for _ in range(4)
    ]
    stop_at, back_at, end_at = 1.0, 2.2, 3.6
    started = time.monotonic()
    seen_local: list[bool] = []
    failures: list[BaseException] = []

    done: list[float] = []

    async def worker(client: gptkit.AsyncClient) -> None:
        while time.monotonic() - started < end_at:
            try:
                await chat(client)
            except Exception as exc:
                failures.append(exc)
            else:
                done.append(time.monotonic() - started)

    async def outage_script() -> None:
        await asyncio.sleep(stop_at)
        if outage == "stopped":
            await asyncio.to_thread(own_redis.stop)
        else:
            own_redis.pause()
        await asyncio.sleep((back_at - stop_at) * 0.75)
        seen_local.extend(c._limiter.stats().local_fallback for c in clients if c._limiter is not None)
        await asyncio.sleep((back_at - stop_at) * 0.25)
        if outage == "stopped":
            await asyncio.to_thread(own_redis.start)
        else:
            own_redis.resume()

    await asyncio.gather(outage_script(), *(worker(c) for _ in range(3) for c in clients))
    for client in clients:
        await client.aclose()
    assert failures == []
    assert seen_local == [True] * 4  # all four went on at their share during the outage
    assert fake.stats.sent_429 == 0, fake.stats  # neither leaving Redis nor re-joining it burst
    during = [t for t in done if stop_at + 0.6 <= t < back_at]
    after = [t for t in done if back_at + 0.5 <= t]
    assert during and after, (len(during), len(after))  # it kept going, and it came back
    assert len(during) <= 40 * (back_at - stop_at - 0.6) + 4  # at most the four shares' pace
