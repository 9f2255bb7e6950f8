"""Retry decisions and exact wait schedules, on a virtual clock (nothing really sleeps)."""

from __future__ import annotations

import logging
from typing import Any

import httpx
import pytest

import gptkit
from gptkit._retry import parse_go_duration
from gptkit.testing import VirtualClock

from .helpers import API_KEY, Recorder, chat_body, close, invoke, make_client

MSGS = [{"role": "user", "content": "hi"}]
OK = httpx.Response(200, json=chat_body("done"))


def _status(status: int, code: str | None = None, **headers: str) -> httpx.Response:
    body = {"error": {"message": f"status {status}", "type": "x", "code": code}}
    return httpx.Response(status, json=body, headers=headers)


def _fixed_jitter(low: float, high: float) -> float:
    return high  # the top of the jitter range, so schedules are exact


async def _run(kind: str, *script: Any, policy: gptkit.RetryPolicy | None = None) -> tuple[Any, Recorder, VirtualClock]:
    rec = Recorder(*script)
    policy = policy or gptkit.RetryPolicy(max_attempts=4, _random=_fixed_jitter)
    client = make_client(kind, rec, retry=policy)
    with VirtualClock() as clock:
        try:
            result: Any = await invoke(client, "chat.completions.create", model="gpt-4o", messages=MSGS)
        except gptkit.GptkitError as exc:
            result = exc
    await close(client)
    return result, rec, clock


async def test_429_with_retry_after_ms(kind: str) -> None:
    result, rec, clock = await _run(kind, _status(429, "rate_limit_exceeded", **{"retry-after-ms": "1500"}), OK)
    assert result.choices[0].message.content == "done"
    assert clock.sleeps == [1.5]
    assert len(rec.requests) == 2


async def test_429_with_only_ratelimit_reset_headers(kind: str) -> None:
    resp = _status(429, "rate_limit_exceeded", **{"x-ratelimit-reset-requests": "1s",
                                                   "x-ratelimit-reset-tokens": "6m0s"})
    policy = gptkit.RetryPolicy(max_attempts=3, max_retry_after=600.0, max_elapsed=None)
    result, _, clock = await _run(kind, resp, _status(429, "rate_limit_exceeded",
                                                        **{"x-ratelimit-reset-tokens": "20ms"}), OK,
                                  policy=policy)
    assert result.choices[0].message.content == "done"
    assert clock.sleeps == [360.0, 0.02]  # the longer of the two resets


async def test_503_without_headers_uses_jittered_backoff(kind: str) -> None:
    seen: list[tuple[float, float]] = []

    def spy(low: float, high: float) -> float:
        seen.append((low, high))
        return low

    policy = gptkit.RetryPolicy(max_attempts=4, initial_backoff=0.5, max_backoff=1.5, _random=spy)
    result, rec, clock = await _run(kind, _status(503), _status(503), _status(503), OK, policy=policy)
    assert result.choices[0].message.content == "done"
    # Equal jitter: half of each ceiling fixed; ceilings double, capped at max_backoff.
    assert seen == [(0.25, 0.5), (0.5, 1.0), (0.75, 1.5)]
    assert clock.sleeps == [0.25, 0.5, 0.75]
    assert len(rec.requests) == 4


async def test_503_backoff_stays_within_jitter_bounds(kind: str) -> None:
    policy = gptkit.RetryPolicy(max_attempts=6, initial_backoff=1.0, max_backoff=4.0)
    script = [_status(503)] * 5 + [OK]
    result, _, clock = await _run(kind, *script, policy=policy)
    assert result.choices[0].message.content == "done"
    for wait, ceiling in zip(clock.sleeps, [1.0, 2.0, 4.0, 4.0, 4.0], strict=True):
        assert ceiling / 2 <= wait <= ceiling


def test_backoff_never_fires_sooner_than_half_its_ceiling() -> None:
    """With the real random source: no draw below the floor, and the draws do spread."""
    policy = gptkit.RetryPolicy(initial_backoff=0.5, max_backoff=8.0)
    error = gptkit.APIConnectionError(request=httpx.Request("POST", "https://api.test/v1/x"))
    for attempt, ceiling in [(1, 0.5), (2, 1.0), (4, 4.0), (9, 8.0)]:
        waits = [policy.wait_for(error, attempt, 0.0) for _ in range(2000)]
        assert all(not directed for _, directed in waits)
        values = [w for w, _ in waits]
        assert ceiling / 2 <= min(values) and max(values) <= ceiling
        assert max(values) - min(values) > ceiling * 0.4  # still jittered, not a fixed wait


async def test_retry_after_over_the_cap_raises_at_once(kind: str) -> None:
    policy = gptkit.RetryPolicy(max_attempts=5, max_retry_after=30.0)
    result, rec, clock = await _run(kind, _status(429, "rate_limit_exceeded", **{"retry-after": "120"}), OK,
                                    policy=policy)
    assert isinstance(result, gptkit.RateLimitError)
    assert result.retry_after == 120.0
    assert clock.sleeps == []
    assert len(rec.requests) == 1


async def test_retry_after_http_date(kind: str) -> None:
    # The virtual wall clock starts at 1_700_000_000 = Tue, 14 Nov 2023 22:13:20 GMT.
    resp = _status(503, **{"retry-after": "Tue, 14 Nov 2023 22:13:27 GMT"})
    result, _, clock = await _run(kind, resp, OK)
    assert result.choices[0].message.content == "done"
    assert clock.sleeps == [7.0]


@pytest.mark.parametrize(("verdict", "status", "attempts"), [("true", 400, 2), ("false", 503, 1)])
async def test_x_should_retry_both_ways(kind: str, verdict: str, status: int, attempts: int) -> None:
    result, rec, _ = await _run(kind, _status(status, **{"x-should-retry": verdict}), OK)
    assert len(rec.requests) == attempts
    if attempts == 1:
        assert isinstance(result, gptkit.InternalServerError)
    else:
        assert result.choices[0].message.content == "done"


@pytest.mark.parametrize(
    ("response", "cls"),
    [
        (_status(429, "insufficient_quota"), gptkit.InsufficientQuotaError),
        (_status(400), gptkit.BadRequestError),
        (_status(401), gptkit.AuthenticationError),
        (_status(403), gptkit.PermissionDeniedError),
        (_status(404), gptkit.NotFoundError),
        (_status(422), gptkit.UnprocessableEntityError),
        (_status(400, "context_length_exceeded"), gptkit.ContextLengthExceededError),
    ],
)
async def test_never_retried(kind: str, response: httpx.Response, cls: type[Exception]) -> None:
    result, rec, clock = await _run(kind, response, OK)
    assert type(result) is cls
    assert len(rec.requests) == 1
    assert clock.sleeps == []


async def test_request_too_large_429_is_not_retried(kind: str) -> None:
    resp = httpx.Response(429, json={"error": {"message": "Request too large for gpt-4 on tokens per min",
                                               "type": "tokens", "code": "rate_limit_exceeded"}})
    result, rec, _ = await _run(kind, resp, OK)
    assert isinstance(result, gptkit.RateLimitError)
    assert len(rec.requests) == 1


@pytest.mark.parametrize("status", [408, 409, 500, 502, 504])
async def test_retryable_statuses(kind: str, status: int) -> None:
    result, rec, _ = await _run(kind, _status(status), OK)
    assert result.choices[0].message.content == "done"
    assert len(rec.requests) == 2


async def test_connection_reset_then_success(kind: str) -> None:
    result, rec, clock = await _run(kind, httpx.RemoteProtocolError("connection reset by peer"), OK)
    assert result.choices[0].message.content == "done"
    assert len(clock.sleeps) == 1
    assert len(rec.requests) == 2


async def test_read_timeout_then_success(kind: str) -> None:
    result, rec, _ = await _run(kind, httpx.ReadTimeout("read timed out"), OK)
    assert result.choices[0].message.content == "done"
    assert len(rec.requests) == 2


async def test_attempts_run_out_with_history(kind: str) -> None:
    policy = gptkit.RetryPolicy(max_attempts=3, _random=_fixed_jitter)
    result, rec, clock = await _run(kind, _status(500), policy=policy)
    assert isinstance(result, gptkit.InternalServerError)
    assert result.attempts == 3
    assert len(result.attempt_errors) == 2
    assert "status 500" in result.attempt_errors[0]
    assert len(rec.requests) == 3
    assert clock.sleeps == [0.5, 1.0]


async def test_total_deadline_stops_retrying_with_attempts_left(kind: str) -> None:
    policy = gptkit.RetryPolicy(max_attempts=10, max_elapsed=5.0, max_retry_after=100.0)
    result, rec, clock = await _run(kind, _status(503, **{"retry-after": "2"}), policy=policy)
    assert isinstance(result, gptkit.InternalServerError)
    assert clock.sleeps == [2.0, 2.0]  # a third wait would pass 5 s
    assert len(rec.requests) == 3


async def test_same_idempotency_key_across_retries_new_per_call(kind: str) -> None:
    rec = Recorder(_status(503), OK, OK)
    client = make_client(kind, rec, retry=gptkit.RetryPolicy(max_attempts=3))
    with VirtualClock():
        await invoke(client, "chat.completions.create", model="gpt-4o", messages=MSGS)
        rec.script = [OK]
        await invoke(client, "chat.completions.create", model="gpt-4o", messages=MSGS)
    keys = [r.headers["idempotency-key"] for r in rec.requests]
    assert len(keys) == 3
    assert keys[0] == keys[1]
    assert keys[2] != keys[0]
    await close(client)


async def test_idempotency_keys_can_be_turned_off(kind: str) -> None:
    rec = Recorder(OK)
    client = make_client(kind, rec, retry=gptkit.RetryPolicy(idempotency_keys=False))
    await invoke(client, "chat.completions.create", model="gpt-4o", messages=MSGS)
    assert "idempotency-key" not in rec.requests[0].headers
    await close(client)


async def test_on_retry_hook_and_log_line(kind: str, caplog: pytest.LogCaptureFixture) -> None:
    events: list[gptkit.RetryEvent] = []
    policy = gptkit.RetryPolicy(max_attempts=3, on_retry=events.append)
    resp = _status(429, "rate_limit_exceeded", **{"retry-after": "3", "x-request-id": "req_r1"})
    with caplog.at_level(logging.INFO, logger="gptkit"):
        await _run(kind, resp, OK, policy=policy)
    assert [(e.attempt, e.wait, type(e.error)) for e in events] == [(1, 3.0, gptkit.RateLimitError)]
    assert events[0].path == "/chat/completions"
    line = next(r.getMessage() for r in caplog.records if "retrying" in r.getMessage())
    assert "POST /chat/completions" in line and "attempt 1" in line and "req_r1" in line and "3.000s" in line
    assert API_KEY not in caplog.text


async def test_broken_hook_does_not_break_the_call(kind: str) -> None:
    def bad(event: gptkit.RetryEvent) -> None:
        raise RuntimeError("hook bug")

    result, _, _ = await _run(kind, _status(500), OK, policy=gptkit.RetryPolicy(on_retry=bad))
    assert result.choices[0].message.content == "done"


async def test_max_retries_shortcut_and_zero_waits(kind: str) -> None:
    rec = Recorder(_status(500))
    client = make_client(kind, rec, max_retries=1)
    with VirtualClock():
        with pytest.raises(gptkit.InternalServerError):
            await invoke(client, "chat.completions.create", model="gpt-4o", messages=MSGS)
    assert len(rec.requests) == 2
    await close(client)
    rec = Recorder(_status(500), OK)
    client = make_client(kind, rec, retry=gptkit.RetryPolicy(zero_waits=True))
    result = await invoke(client, "chat.completions.create", model="gpt-4o", messages=MSGS)  # real clock
    assert result.choices[0].message.content == "done"
    await close(client)


async def test_with_options_retry_per_call(kind: str) -> None:
    rec = Recorder(_status(500), OK)
    client = make_client(kind, rec, max_retries=0)
    with VirtualClock():
        result = await invoke(client.with_options(retry=gptkit.RetryPolicy(max_attempts=2)),
                              "chat.completions.create", model="gpt-4o", messages=MSGS)
    assert result.choices[0].message.content == "done"
    await close(client)


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("1s", 1.0), ("6m0s", 360.0), ("20ms", 0.02), ("1.5s", 1.5), ("1h2m3s", 3723.0), ("0.5", 0.5),
     ("", None), ("soon", None), ("1x", None)],
)
def test_parse_go_duration(text: str, seconds: float | None) -> None:
    assert parse_go_duration(text) == seconds


def test_policy_validation() -> None:
    with pytest.raises(ValueError, match="max_attempts"):
        gptkit.RetryPolicy(max_attempts=0)
    with pytest.raises(ValueError, match="backoff"):
        gptkit.RetryPolicy(initial_backoff=5, max_backoff=1)
    with pytest.raises(TypeError):
        gptkit.RetryPolicy(3)  # type: ignore[misc]
