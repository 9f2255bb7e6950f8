"""Logging levels, secrets, broken listeners and the live stats of a client."""

from __future__ import annotations

import asyncio
import logging
import threading
from decimal import Decimal
from typing import Any

import httpx
import pytest

import gptkit
from gptkit._observe._stats import LatencyHistogram
from gptkit.testing import VirtualClock

from .helpers import API_KEY, Recorder, chat_body, close, invoke
from .observe_helpers import LATENCY, Collector, client_of, timed, top_jitter

MSGS = [{"role": "user", "content": "hi"}]


async def _call(client: Any) -> Any:
    return await invoke(client, "chat.completions.create", model="gpt-4o", messages=MSGS)


def _gptkit_records(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name == "gptkit"]


# -- logging ------------------------------------------------------------------------------------

async def test_happy_path_logs_one_debug_line_and_nothing_louder(kind: str, caplog: pytest.LogCaptureFixture) -> None:
    client = client_of(kind, Recorder(timed()), listeners=[Collector()])
    with VirtualClock():
        await _call(client)
    await close(client)
    records = _gptkit_records(caplog)
    assert [r.levelno for r in records if r.levelno >= logging.INFO] == []
    debug = [r.getMessage() for r in records if r.levelno == logging.DEBUG]
    assert len(debug) == 1
    line = debug[0]
    for part in ("POST", "/chat/completions", "model=gpt-4o", "-> 200", f"in {LATENCY:.3f}s", "req_1", "attempts 1"):
        assert part in line


async def test_one_info_line_per_retry_and_debug_for_the_failure(kind: str, caplog: pytest.LogCaptureFixture) -> None:
    policy = gptkit.RetryPolicy(max_attempts=3, _random=top_jitter)
    client = client_of(kind, Recorder(timed(500)), retry=policy)
    with VirtualClock(), pytest.raises(gptkit.InternalServerError):
        await _call(client)
    await close(client)
    records = _gptkit_records(caplog)
    info = [r.getMessage() for r in records if r.levelno == logging.INFO]
    assert len(info) == 2 and all(m.startswith("retrying POST /chat/completions") for m in info)
    assert [r for r in records if r.levelno >= logging.WARNING] == []
    failure = [r.getMessage() for r in records if r.levelno == logging.DEBUG]
    assert len(failure) == 1 and "failed" in failure[0] and "InternalServerError" in failure[0]
    assert "status 500" in failure[0] and "attempts 3" in failure[0]


async def test_no_secret_in_logs_or_events(kind: str, caplog: pytest.LogCaptureFixture) -> None:
    # A server (or proxy) that echoes the credentials back must not leak them either.
    echo = {"authorization": f"Bearer {API_KEY}", "api-key": API_KEY, "x-request-id": "req_1"}
    seen = Collector()
    rec = Recorder(
        httpx.Response(500, json={"error": {"message": "boom"}}, headers=echo),
        httpx.Response(200, json=chat_body(), headers=echo),
    )
    client = client_of(kind, rec, listeners=[seen], retry=gptkit.RetryPolicy(max_attempts=2, _random=top_jitter),
                       default_headers={"x-secret": "HEADER-SECRET"})
    with VirtualClock():
        await _call(client)
    await close(client)
    assert rec.requests[0].headers["authorization"] == f"Bearer {API_KEY}"  # it was sent
    assert len(seen.events) == 5  # start, headers, retry, headers, end
    dumped = " ".join(repr(e) for e in seen.events) + " ".join(r.getMessage() for r in caplog.records)
    assert API_KEY not in dumped and "HEADER-SECRET" not in dumped
    for event in seen.events:
        assert not any(isinstance(v, (httpx.Request, httpx.Response, BaseException)) for v in
                       (getattr(event, f) for f in event.__slots__))  # type: ignore[attr-defined]


async def test_a_raising_listener_is_logged_and_the_call_goes_on(kind: str, caplog: pytest.LogCaptureFixture) -> None:
    after = Collector()

    def broken(event: gptkit.CallEvent) -> None:
        raise RuntimeError("listener bug")

    client = client_of(kind, Recorder(timed()), listeners=[broken, after])
    with VirtualClock():
        result = await _call(client)
    await close(client)
    assert result.choices[0].message.content == "Hello!"
    assert len(after.events) == 3  # later listeners still hear everything
    errors = [r for r in _gptkit_records(caplog) if r.levelno == logging.ERROR]
    assert len(errors) == 3
    assert errors[0].exc_info is not None and "listener bug" in str(errors[0].exc_info[1])
    assert "RequestStart" in errors[0].getMessage()


async def test_async_listeners_are_refused() -> None:
    async def handler(event: gptkit.CallEvent) -> None: ...

    class AsyncCallable:
        async def __call__(self, event: gptkit.CallEvent) -> None: ...

    for bad in (handler, AsyncCallable()):
        with pytest.raises(TypeError, match="synchronously"):
            gptkit.AsyncClient(api_key="sk-x", listeners=[bad])
    client = gptkit.Client(api_key="sk-x")
    with pytest.raises(TypeError, match="callable"):
        client.add_listener("not a listener")  # type: ignore[arg-type]


async def test_a_listener_returning_a_coroutine_is_logged(caplog: pytest.LogCaptureFixture) -> None:
    async def work() -> None: ...

    client = client_of("async", Recorder(timed()), listeners=[lambda event: work()])
    with VirtualClock():
        await _call(client)
    await client.aclose()
    errors = [r.getMessage() for r in _gptkit_records(caplog) if r.levelno == logging.ERROR]
    assert len(errors) == 3 and "returned an awaitable" in errors[0]


# -- stats ------------------------------------------------------------------------------------

async def test_stats_count_calls_retries_429s_and_errors(kind: str) -> None:
    policy = gptkit.RetryPolicy(max_attempts=3, _random=top_jitter, max_retry_after=600)
    rec = Recorder(timed(429, **{"retry-after": "1"}), timed(), timed(400), timed(), timed())
    client = client_of(kind, rec, retry=policy)
    with VirtualClock():
        await _call(client)  # a 429, then success
        with pytest.raises(gptkit.BadRequestError):
            await _call(client)
        for _ in range(2):
            await _call(client)
    stats = client.stats
    snap = stats.snapshot()
    assert (snap.started, snap.succeeded, snap.failed, snap.in_flight) == (4, 3, 1, 0)
    assert snap.errors == {"BadRequestError": 1}
    assert (snap.retries, snap.responses_429) == (1, 1)
    assert snap.latency_p50 == pytest.approx(LATENCY, rel=0.05)
    assert snap.latency_p95 == pytest.approx(2 * LATENCY + 1, rel=0.05)  # the retried call
    assert snap.cost > 0 and snap.cost == client.ledger.total_cost
    assert (stats.started, stats.succeeded, stats.failed, stats.retries, stats.responses_429) == (4, 3, 1, 1, 1)
    assert stats.latency(0.5) == snap.latency_p50 and stats.cost == snap.cost
    as_dict = snap.to_dict()
    assert as_dict["cost"] == str(snap.cost) and as_dict["errors"] == {"BadRequestError": 1}
    assert "succeeded=3" in repr(stats)
    before = stats.reset()
    assert before.succeeded == 3 and stats.snapshot().succeeded == 0 and stats.snapshot().latency_p50 is None
    await close(client)


async def test_in_flight_is_live(kind: str) -> None:
    seen: list[int] = []
    holder: dict[str, Any] = {}

    def step(request: httpx.Request) -> httpx.Response:
        seen.append(holder["client"].stats.in_flight)
        return httpx.Response(200, json=chat_body())

    client = client_of(kind, Recorder(step))
    holder["client"] = client
    await _call(client)
    assert seen == [1] and client.stats.in_flight == 0
    await close(client)


def test_stats_are_thread_safe_and_shared_by_copies() -> None:
    rec = Recorder(httpx.Response(200, json=chat_body()))
    client = gptkit.Client(api_key=API_KEY, transport=rec.transport)
    copies = [client.with_options(timeout=5 + i) for i in range(8)]

    def work(c: gptkit.Client) -> None:
        for _ in range(25):
            c.chat.completions.create(model="gpt-4o", messages=MSGS)  # type: ignore[arg-type]

    threads = [threading.Thread(target=work, args=(c,)) for c in copies]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    snap = client.stats.snapshot()
    assert (snap.started, snap.succeeded, snap.in_flight) == (200, 200, 0)
    assert snap.cost == client.ledger.total_cost
    client.close()


async def test_stats_under_concurrent_tasks() -> None:
    rec = Recorder(httpx.Response(200, json=chat_body()))
    client = gptkit.AsyncClient(api_key=API_KEY, transport=rec.transport)
    await asyncio.gather(*(_call(client) for _ in range(50)))
    snap = client.stats.snapshot()
    assert (snap.started, snap.succeeded, snap.in_flight) == (50, 50, 0)
    await client.aclose()


def test_latency_histogram_percentiles_are_close_and_memory_is_fixed() -> None:
    hist = LatencyHistogram()
    assert hist.percentile(0.5) is None
    values = [0.001 * 1.01**i for i in range(1000)]  # 1 ms .. ~21 s
    for v in values:
        hist.add(v)
    hist.add(0.0)  # below the first bucket
    hist.add(10**9)  # beyond the last
    size = len(hist._counts)
    for _ in range(10_000):
        hist.add(0.2)
    assert len(hist._counts) == size
    hist2 = LatencyHistogram()
    for v in values:
        hist2.add(v)
    truth = sorted(values)
    for q in (0.5, 0.95, 0.99):
        exact = truth[int(q * len(truth)) - 1]
        assert hist2.percentile(q) == pytest.approx(exact, rel=0.05)


def test_stats_cost_ignores_unpriced_calls() -> None:
    rec = Recorder(httpx.Response(200, json=chat_body(model="my-local-model")))
    client = gptkit.Client(api_key=API_KEY, transport=rec.transport, base_url="http://127.0.0.1:9/v1")
    client.chat.completions.create(model="my-local-model", messages=MSGS)  # type: ignore[arg-type]
    assert client.stats.cost == Decimal(0) and client.stats.succeeded == 1
    client.close()
