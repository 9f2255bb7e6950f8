"""The Redis backend against the real Redis (GPTKIT_TEST_REDIS_URL, default db 15).

Skips when no Redis answers, unless GPTKIT_REQUIRE_REDIS=1 (CI), which makes that a failure.
"""

from __future__ import annotations

import asyncio
import hashlib
import os
import time
from typing import Any

import httpx
import pytest

import gptkit
from gptkit._ratelimit import _core
from gptkit._ratelimit._config import Limits
from gptkit._ratelimit._core import LaneState, Observation, Shape
from gptkit.testing import FakeOpenAI
from tests.helpers import API_KEY, Recorder, chat_body, close, invoke, make_client
from tests.ratelimit_load import result_of, run_processes

redis = pytest.importorskip("redis")

pytestmark = [pytest.mark.redis, pytest.mark.slow]  # wall-clock rates: CI runs these alone

REDIS_URL = os.environ.get("GPTKIT_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def lane(backend: gptkit.RedisBackend, *, window: float = 1.0, jitter: float = 0.0) -> Any:
    return backend._bind(Shape(window=window, jitter=jitter))


def test_lua_script_matches_the_python_arithmetic(redis_url: str, prefix: str) -> None:
    """The same sequence through _core and through the Lua script gives the same waits."""
    bound = lane(gptkit.RedisBackend(redis_url, prefix=prefix))
    limits, key = Limits("m", 60, 600), ("ns", "m")
    state, shape = LaneState(), Shape(window=1.0, jitter=0.0)
    t0 = time.monotonic()
    py: list[float] = []
    lua: list[float] = []
    gaps: list[float] = []

    def step(op: str, *args: Any) -> None:
        # The two clocks run side by side: the script reads Redis's TIME a little after `now`,
        # by at most the step's own duration (long on a busy machine), which bounds the drift.
        now = time.monotonic() - t0
        try:
            run(op, now, *args)
        finally:
            gaps.append(time.monotonic() - t0 - now)

    def run(op: str, now: float, *args: Any) -> None:
        if op == "reserve":
            py.append(_core.reserve(state, 60, 600, shape, now, args[0]).wait)
            lua.append(bound.reserve(key, limits, args[0]).wait)
        elif op == "give_back":
            _core.give_back(state, 60, 600, shape, now, 0, args[0])
            bound.give_back(key, limits, 0, args[0])
        elif op == "observe":
            _core.observe(state, 60, 600, shape, now, args[0])
            bound.observe(key, limits, args[0])
        elif op == "hold":
            _core.hold(state, 60, 600, shape, now, args[0])
            bound.hold(key, limits, args[0])

    step("reserve", 4)
    step("reserve", 4)
    step("reserve", 9)
    step("give_back", 3)
    step("reserve", 2)
    step("observe", Observation(limit_requests=30, remaining_tokens=0))
    step("reserve", 1)
    step("hold", 2.5)
    step("reserve", 1)
    drift = 2 * max(gaps) + 0.01
    assert lua == pytest.approx(py, abs=drift)
    assert py[1] == pytest.approx(1.0, abs=drift) and py[-1] > 2.5  # the sequence does bind
    assert bound.shift(key) == pytest.approx(state.shift, abs=drift)
    with pytest.raises(_core.NeverFits):
        bound.reserve(key, limits, 11)


async def test_async_redis_client_matches_sync(redis_url: str, prefix: str) -> None:
    backend = gptkit.RedisBackend(redis_url, prefix=prefix)
    sync, async_ = lane(backend), lane(backend)
    limits = Limits("m", 60, None)
    assert sync.reserve(("a", "m"), limits, 0).wait == 0.0
    assert (await async_.areserve(("a", "m"), limits, 0)).wait == pytest.approx(1.0, abs=0.05)
    await async_.ahold(("a", "m"), limits, 3.0)
    assert await async_.ashift(("a", "m")) == pytest.approx(3.0, abs=0.05)
    await async_.aobserve(("a", "m"), limits, Observation(limit_requests=30))
    assert async_.estimates()["m"]["rpm"] == 30


async def test_clients_share_limits_through_redis(kind: str, redis_url: str, prefix: str) -> None:
    backend = gptkit.RedisBackend(redis_url, prefix=prefix)
    # Two separate limiters (as in two processes) meet in Redis: 10 at once, 10 a second.
    first = make_client(kind, Recorder(httpx.Response(200, json=chat_body())),
                        rate_limit=gptkit.RateLimit(rpm=600, window=1.0, jitter=0.0, backend=backend))
    second = make_client(kind, Recorder(httpx.Response(200, json=chat_body())),
                         rate_limit=gptkit.RateLimit(rpm=600, window=1.0, jitter=0.0, backend=backend))
    assert first._limiter is not second._limiter
    started = time.monotonic()
    for client in [first, second] * 6:
        await invoke(client, "chat.completions.create", model="gpt-4o",
                     messages=[{"role": "user", "content": "hi"}])
    elapsed = time.monotonic() - started
    assert 0.15 <= elapsed < 1.0  # the 11th and 12th waited ~0.1 s each
    stats = first._limiter.stats()
    assert stats.waited + second._limiter.stats().waited >= 2
    await close(first)
    await close(second)


def test_keys_hold_a_hash_of_the_api_key_never_the_key(redis_url: str, prefix: str) -> None:
    limit = gptkit.RateLimit(rpm=10**6, tpm=10**9, backend=gptkit.RedisBackend(redis_url, prefix=prefix))
    client = make_client("sync", Recorder(httpx.Response(200, json=chat_body())), rate_limit=limit)
    for _ in range(3):
        client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "x" * 4000}],
                                       max_tokens=50_000)
    store = redis.Redis.from_url(redis_url)
    keys = [k.decode() for k in store.scan_iter(match=f"{prefix}:*")]
    digest = hashlib.sha256(b"gptkit-ratelimit\x00" + API_KEY.encode()).hexdigest()[:16]
    assert keys == [f"{prefix}:{digest}:gpt-4o"]  # one small hash per key and model...
    fields = store.hgetall(keys[0])
    assert len(fields) <= 10  # ...whatever the limits: no per-request or per-token entries
    dump = repr(fields) + repr(keys)
    assert API_KEY not in dump and API_KEY[3:20] not in dump
    assert 0 < store.ttl(keys[0]) <= 3600
    client.close()


def test_redis_down_is_a_typed_error(kind: str) -> None:
    limit = gptkit.RateLimit(rpm=60, backend=gptkit.RedisBackend("redis://127.0.0.1:1/0"))
    recorder = Recorder(httpx.Response(200, json=chat_body()))
    client = make_client(kind, recorder, rate_limit=limit)

    async def go() -> None:
        await invoke(client, "chat.completions.create", model="gpt-4o",
                     messages=[{"role": "user", "content": "hi"}])

    with pytest.raises(gptkit.RateLimitBackendError, match="Redis"):
        asyncio.run(go())
    assert recorder.requests == []  # nothing was sent without the limiter's say-so


async def test_a_given_client_serves_what_it_can(redis_url: str, prefix: str) -> None:
    """A sync redis client serves async calls too (in a worker thread), as a RedisBudget's does;
    an asyncio one cannot serve a sync Client: a TypeError naming the fix."""
    import redis.asyncio

    sync_only = gptkit.RedisBackend(redis.Redis.from_url(redis_url), prefix=prefix)
    bound = lane(sync_only)
    limits = Limits("m", 60, None)
    assert (await bound.areserve(("a", "m"), limits, 0)).wait == 0.0
    assert bound.reserve(("a", "m"), limits, 0).wait == pytest.approx(1.0, abs=0.2)  # the same lane
    aclient = redis.asyncio.Redis.from_url(redis_url)
    async_only = lane(gptkit.RedisBackend(aclient, prefix=prefix))
    assert (await async_only.areserve(("a", "m"), limits, 0)).wait == pytest.approx(2.0, abs=0.2)
    with pytest.raises(TypeError, match=r"sync Client needs a redis:// URL or a redis\.Redis"):
        async_only.reserve(("a", "m"), limits, 0)
    await aclient.aclose()
    with pytest.raises(TypeError, match="URL"):
        gptkit.RedisBackend(42)
    with pytest.raises(ValueError, match="scheme"):
        gptkit.RedisBackend("http://not-redis")  # a bad URL fails at construction, not mid-job


@pytest.mark.parametrize(("rpm", "tpm"), [(3000, 10_000_000), (60_000, 240_000)], ids=["requests", "tokens"])
def test_four_processes_share_one_limit_without_429s(redis_url: str, prefix: str, rpm: int, tpm: int) -> None:
    # requests: 50 requests a second, 50 at once (gptkit starts with 37.5: it keeps 0.25 s in
    # reserve), so 320 requests take about 5.7 s from first to last admission (the four start
    # together). tokens: 4,000 tokens a second and at once, ~85 tokens a request (prompt
    # estimate + max_tokens, charged up front and kept by both sides): about 6 s.
    window, per_process = 1.0, 80
    fake = FakeOpenAI(rpm=rpm, tpm=tpm, window=window)
    options = {"rpm": rpm, "tpm": tpm, "window": window}
    with fake.serve() as server:
        seen = run_processes(server.base_url, redis_url, prefix, options, processes=4, per_process=per_process)
    result = result_of(fake, 4 * per_process)
    print(f"\n4 processes through Redis, {'tokens' if tpm < 1_000_000 else 'requests'}-bound: {result.summary()}")
    assert sum(ok for ok, _ in seen) == 4 * per_process
    assert result.rate_limited == 0, result.summary()
    assert result.ok == 4 * per_process
    assert result.fraction >= 0.9, result.summary()
