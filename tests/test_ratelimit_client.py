"""Rate limiting through the clients, over the transport seam, on a virtual clock."""

from __future__ import annotations

import logging
from typing import Any

import httpx
import pytest

import gptkit
from gptkit._ratelimit._limiter import request_tokens
from gptkit.testing import VirtualClock
from tests.helpers import API_KEY, Recorder, chat_body, close, invoke, make_client

MESSAGES = [{"role": "user", "content": "hi"}]
EXACT = {"window": 1.0, "jitter": 0.0}  # rpm=60 -> one request at once, one a second


def ok(**headers: str) -> httpx.Response:
    return httpx.Response(200, json=chat_body(prompt=3, completion=1), headers=headers)


def rate_limited(reset: str = "2s") -> httpx.Response:
    return httpx.Response(
        429,
        json={"error": {"message": "Rate limit reached for requests", "type": "requests",
                        "code": "rate_limit_exceeded"}},
        headers={"x-ratelimit-reset-requests": reset, "x-ratelimit-remaining-requests": "0"},
    )


async def chat(client: Any, **extra: Any) -> Any:
    extra.setdefault("max_tokens", 2)
    return await invoke(client, "chat.completions.create", model="gpt-4o", messages=MESSAGES, **extra)


async def test_calls_wait_their_turn(kind: str) -> None:
    recorder = Recorder(ok())
    with VirtualClock() as clock:
        client = make_client(kind, recorder, rate_limit=gptkit.RateLimit(rpm=60, **EXACT))
        for _ in range(3):
            await chat(client)
        await close(client)
    assert clock.sleeps == [1.0, 1.0]
    stats = client._limiter.stats()
    assert (stats.requests, stats.waited, stats.total_wait, stats.max_wait) == (3, 2, 2.0, 1.0)
    assert len(recorder.requests) == 3


async def test_unused_tokens_are_not_refunded_by_default(kind: str) -> None:
    # The API keeps a request's up-front charge (prompt estimate + max_tokens); so does gptkit.
    body = {"model": "gpt-4o", "messages": MESSAGES, "max_tokens": 2}
    cost = request_tokens(body)
    recorder = Recorder(ok())  # usage: 3 + 1 = 4 tokens, less than the estimate
    with VirtualClock() as clock:
        client = make_client(kind, recorder, rate_limit=gptkit.RateLimit(tpm=cost * 60, **EXACT))
        await chat(client)
        await chat(client)
        await close(client)
    assert clock.sleeps == [pytest.approx(1.0)]  # the bucket holds one call: a whole second


async def test_refund_after_usage_shortens_the_next_wait(kind: str) -> None:
    body = {"model": "gpt-4o", "messages": MESSAGES, "max_tokens": 2}
    cost = request_tokens(body)
    recorder = Recorder(ok())  # usage: 3 + 1 = 4 tokens, less than the estimate
    with VirtualClock() as clock:
        limit = gptkit.RateLimit(tpm=cost * 60, refund=True, **EXACT)
        client = make_client(kind, recorder, rate_limit=limit)
        await chat(client)
        await chat(client)
        await close(client)
    # Without the refund the second call would wait a whole second (the bucket holds one call).
    assert clock.sleeps == [pytest.approx(4 / cost)]


async def test_extra_charge_when_usage_exceeds_the_estimate(kind: str) -> None:
    body = {"model": "gpt-4o", "messages": MESSAGES, "max_tokens": 2}
    cost = request_tokens(body)
    big = httpx.Response(200, json=chat_body(prompt=cost, completion=cost))  # used twice the estimate
    recorder = Recorder(big)
    with VirtualClock() as clock:
        client = make_client(kind, recorder, rate_limit=gptkit.RateLimit(tpm=cost * 60 * 2, **EXACT))
        await chat(client)
        await chat(client)
        await close(client)
    # Bucket of 2 calls: 2 units used by the first + 1 for the second - 2 = 1 unit -> half a second.
    assert clock.sleeps == [pytest.approx(0.5)]


async def test_request_that_never_fits_fails_before_any_io(kind: str) -> None:
    recorder = Recorder(ok())
    client = make_client(kind, recorder, rate_limit=gptkit.RateLimit(tpm=600, **EXACT))
    with pytest.raises(gptkit.RateLimitExceededError, match="can never be sent"):
        await chat(client, max_tokens=500)
    assert recorder.requests == []
    assert client._limiter.stats().rejected == 1
    await close(client)


async def test_every_retry_acquires_capacity(kind: str) -> None:
    recorder = Recorder(httpx.Response(500, json={"error": {"message": "boom"}}), ok())
    policy = gptkit.RetryPolicy(max_attempts=3, initial_backoff=0.0, max_backoff=0.0)
    with VirtualClock() as clock:
        client = make_client(kind, recorder, retry=policy, rate_limit=gptkit.RateLimit(rpm=60, **EXACT))
        await chat(client)
        await close(client)
    assert len(recorder.requests) == 2
    assert 1.0 in clock.sleeps  # the second attempt waited for its own slot
    assert client._limiter.stats().requests == 2


async def test_429_holds_every_waiter_until_the_reset(kind: str) -> None:
    limiter = gptkit.RateLimiter(gptkit.RateLimit(rpm=6000, **EXACT))
    first = make_client(kind, Recorder(rate_limited("2s")), max_retries=0, rate_limit=limiter)
    other = Recorder(ok())
    second = make_client(kind, other, rate_limit=limiter)
    with VirtualClock() as clock:
        with pytest.raises(gptkit.RateLimitError):
            await chat(first)
        await chat(second)  # a different client sharing the limiter: held too
        await close(first)
        await close(second)
    assert clock.sleeps == [pytest.approx(2.0)]
    stats = limiter.stats()
    assert stats.holds == 1
    assert stats.scopes["gpt-4o"]["requests_available"] is not None


async def test_retry_after_429_does_not_wait_twice(kind: str) -> None:
    recorder = Recorder(rate_limited("2s"), ok())
    with VirtualClock() as clock:
        client = make_client(kind, recorder, rate_limit=gptkit.RateLimit(rpm=6000, **EXACT))
        await chat(client)
        await close(client)
    assert clock.sleeps == [pytest.approx(2.0)]  # the retry's wait covers the hold
    assert len(recorder.requests) == 2


async def test_quota_429_does_not_hold(kind: str) -> None:
    quota = httpx.Response(429, json={"error": {"message": "You exceeded your current quota",
                                                "type": "insufficient_quota", "code": "insufficient_quota"}})
    limiter = gptkit.RateLimiter(gptkit.RateLimit(rpm=6000, **EXACT))
    client = make_client(kind, Recorder(quota), rate_limit=limiter)
    with VirtualClock() as clock:
        with pytest.raises(gptkit.InsufficientQuotaError):
            await chat(client)
        await close(client)
    assert clock.sleeps == []
    assert limiter.stats().holds == 0


async def test_server_headers_lower_the_limit(kind: str) -> None:
    recorder = Recorder(ok(**{"x-ratelimit-limit-requests": "60", "x-ratelimit-remaining-requests": "0"}))
    with VirtualClock() as clock:
        client = make_client(kind, recorder, rate_limit=gptkit.RateLimit(rpm=600, **EXACT))
        await chat(client)
        await chat(client)
        await close(client)
    # Configured 600/min (10 at once); the server said 60/min with none left: one a second.
    assert clock.sleeps == [pytest.approx(1.0)]
    assert client._limiter.stats().scopes["gpt-4o"]["rpm"] == 60


async def test_adaptive_off_ignores_headers(kind: str) -> None:
    recorder = Recorder(ok(**{"x-ratelimit-limit-requests": "60", "x-ratelimit-remaining-requests": "0"}))
    with VirtualClock() as clock:
        client = make_client(kind, recorder, rate_limit=gptkit.RateLimit(rpm=600, adaptive=False, **EXACT))
        await chat(client)
        await chat(client)
        await close(client)
    assert clock.sleeps == []


async def test_limiter_shared_by_sync_and_async_clients() -> None:
    limiter = gptkit.RateLimiter(gptkit.RateLimit(rpm=60, **EXACT))
    sync = make_client("sync", Recorder(ok()), rate_limit=limiter)
    async_ = make_client("async", Recorder(ok()), rate_limit=limiter)
    with VirtualClock() as clock:
        await chat(sync)
        await chat(async_)
        await chat(sync.with_options(timeout=5.0))  # a copy shares its parent's limiter
        await close(sync)
        await close(async_)
    assert clock.sleeps == [1.0, 1.0]
    assert limiter.stats().requests == 3


async def test_one_rate_limit_object_is_one_limiter(kind: str) -> None:
    """The same ``RateLimit`` given to two clients: one shared limit, not twice the rate."""
    limit = gptkit.RateLimit(rpm=60, **EXACT)
    a = make_client(kind, Recorder(ok()), rate_limit=limit)
    b = make_client("async" if kind == "sync" else "sync", Recorder(ok()), rate_limit=limit)
    other = make_client(kind, Recorder(ok()), rate_limit=gptkit.RateLimit(rpm=60, **EXACT))
    with VirtualClock() as clock:
        await chat(a)
        await chat(b)  # the second request of one 60 rpm limit: a second later
        await chat(other)  # an equal but separate RateLimit object: its own limiter
        for client in (a, b, other):
            await close(client)
    assert clock.sleeps == [1.0]
    assert a._limiter is b._limiter and a._limiter is not other._limiter
    assert a._limiter is not None and a._limiter.stats().requests == 2
    # A copy of the object (and a pickled one) is a new object: its own limiter.
    import copy
    import pickle

    for twin in (copy.copy(limit), pickle.loads(pickle.dumps(limit))):
        assert twin == limit and gptkit.Client(api_key="sk-x", rate_limit=twin)._limiter is not a._limiter


async def test_lanes_are_per_api_key_and_per_model(kind: str) -> None:
    limiter = gptkit.RateLimiter(rpm=60, **EXACT)
    a = make_client(kind, Recorder(ok()), rate_limit=limiter)
    b = make_client(kind, Recorder(ok()), rate_limit=limiter, api_key="sk-another-key")
    with VirtualClock() as clock:
        await chat(a)
        await chat(b)  # another key: another account's limits
        await invoke(a, "chat.completions.create", model="gpt-4o-mini", messages=MESSAGES)
        await close(a)
        await close(b)
    assert clock.sleeps == []


async def test_calls_without_a_model_are_not_limited(kind: str) -> None:
    listing = httpx.Response(200, json={"object": "list", "data": []})
    with VirtualClock() as clock:
        client = make_client(kind, Recorder(listing), rate_limit=gptkit.RateLimit(rpm=60, **EXACT))
        for _ in range(3):
            await invoke(client, "models.list")
        await close(client)
    assert clock.sleeps == []


async def test_each_wait_is_logged_without_secrets(kind: str, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="gptkit")
    with VirtualClock():
        client = make_client(kind, Recorder(ok()), rate_limit=gptkit.RateLimit(rpm=60, **EXACT))
        await chat(client)
        await chat(client)
        await close(client)
    waits = [r for r in caplog.records if r.getMessage().startswith("rate limit: waiting")]
    assert len(waits) == 1
    assert waits[0].levelno == logging.INFO
    assert "1.000s" in waits[0].getMessage() and "gpt-4o" in waits[0].getMessage()
    assert API_KEY not in caplog.text


def test_rate_limit_option_is_checked() -> None:
    with pytest.raises(TypeError, match="rate_limit"):
        gptkit.Client(api_key="sk-x", rate_limit={"rpm": 10})  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="not both"):
        gptkit.RateLimiter(gptkit.RateLimit(rpm=1), rpm=2)
    assert "rpm=5" in repr(gptkit.RateLimiter(rpm=5))
