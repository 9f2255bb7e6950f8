"""``gptkit.batch.run`` in-process: faults, stops, resume, ordering, memory bound, progress."""

from __future__ import annotations

import asyncio
import io
import json
import os
import pathlib
import signal
from collections import Counter
from collections.abc import Callable
from typing import Any

import httpx
import pytest

import gptkit
from gptkit.batch import BatchInputError, arun, run
from gptkit.batch._progress import Progress
from gptkit.batch._stats import RunStats
from gptkit.testing import FakeOpenAI, FakeRequest, Fault

from .batch_helpers import assert_exactly_once, chat_line, read_records, write_chat_input, write_lines
from .helpers import API_KEY, chat_body

FAST = gptkit.RetryPolicy(zero_waits=True, max_attempts=4)


def _client(base_url: str | None = None, transport: Any = None, **options: Any) -> gptkit.AsyncClient:
    options.setdefault("retry", FAST)
    if transport is not None:
        return gptkit.AsyncClient(api_key=API_KEY, transport=transport, **options)
    return gptkit.AsyncClient(api_key=API_KEY, base_url=base_url, **options)


def _prompt(request: httpx.Request) -> str:
    return str(json.loads(request.content)["messages"][-1]["content"])


def _echo(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, json=chat_body("echo: " + _prompt(request)), headers={"x-request-id": "req_x"})


def _number(request: FakeRequest) -> int | None:
    """Which input line a chat request is (its prompt is ``prompt <i>``), None for others."""
    body = request.body
    if request.path != "/chat/completions" or not isinstance(body, dict):
        return None
    return int(str(body["messages"][-1]["content"]).split()[1])


def _lines(predicate: Callable[[int], bool]) -> Callable[[FakeRequest], bool]:
    def when(request: FakeRequest) -> bool:
        number = _number(request)
        return number is not None and predicate(number)

    return when


def _fault_kind(i: int) -> str | None:
    if i % 25 == 4:
        return "400"
    if i % 50 == 5:
        return "503-always"
    return {1: "503-twice", 2: "429-once", 3: "reset-once"}.get(i % 10)


def test_faults_are_retried_and_permanent_failures_recorded(tmp_path: pathlib.Path) -> None:
    n = 200
    fake = FakeOpenAI()
    fake.respond(status=400, body={"error": {"message": "injected 400", "type": "invalid_request_error",
                                             "code": "injected", "param": None}},
                 times=None, when=_lines(lambda i: _fault_kind(i) == "400"))
    fake.inject(Fault.server_error(503), when=_lines(lambda i: _fault_kind(i) == "503-always"))
    fake.inject(Fault.server_error(503), attempts=2, when=_lines(lambda i: _fault_kind(i) == "503-twice"))
    fake.inject(Fault.rate_limit(0.001), attempts=1, when=_lines(lambda i: _fault_kind(i) == "429-once"))
    fake.inject(Fault.reset(), attempts=1, when=_lines(lambda i: _fault_kind(i) == "reset-once"))
    source = write_chat_input(tmp_path / "in.jsonl", n)
    out, failed = tmp_path / "out.jsonl", tmp_path / "out.failures.jsonl"
    with fake.serve() as server:  # over a socket: the resets are real dropped connections
        summary = run(source, out, client=_client(server.base_url), concurrency=8, progress=False)
    assert_exactly_once(n, out, failed)
    bad_request = {f"r{i}" for i in range(n) if _fault_kind(i) == "400"}
    server_error = {f"r{i}" for i in range(n) if _fault_kind(i) == "503-always"}
    failures = {r["custom_id"]: r for r in read_records(failed)}
    assert set(failures) == bad_request | server_error
    assert summary.failed_by_class == {"BadRequestError": len(bad_request), "InternalServerError": len(server_error)}
    for custom_id in bad_request:
        error = failures[custom_id]["error"]
        assert error["class"] == "BadRequestError" and error["status"] == 400 and error["attempts"] == 1
        assert error["code"] == "injected" and "injected 400" in error["message"]
        assert failures[custom_id]["response"]["status_code"] == 400
    assert all(failures[c]["error"]["attempts"] == 4 for c in server_error)
    sent = Counter(_number(r) for r in fake.requests)
    expected = {"400": 1, "503-always": 4, "503-twice": 3, "429-once": 2, "reset-once": 2}
    for i in range(n):  # permanent failures were sent once; transient ones until they succeeded
        assert sent[i] == expected.get(_fault_kind(i) or "", 1), i
    assert fake.stats.faults["reset"] == sum(1 for i in range(n) if _fault_kind(i) == "reset-once")
    for record in read_records(out):  # each result is the answer to its own request
        body = record["response"]["body"]
        assert body["choices"][0]["message"]["content"] == f"Echo: prompt {record['custom_id'][1:]}"
        assert record["response"]["status_code"] == 200 and record["response"]["request_id"].startswith("req_")
    rate_limited_lines = sum(1 for i in range(n) if _fault_kind(i) == "429-once")
    assert summary.rate_limited == rate_limited_lines
    assert summary.succeeded == n - len(failures) and summary.complete and summary.exit_code == 1
    assert summary.total_tokens == fake.stats.prompt_tokens + fake.stats.completion_tokens > 0
    assert summary.cost is not None and summary.cost > 0  # gpt-4o-mini is priced
    assert summary.latency_p50 is not None and summary.latency_p99 is not None
    assert summary.latency_p50 <= summary.latency_p99


def test_rerun_of_a_complete_job_sends_nothing(tmp_path: pathlib.Path) -> None:
    source = write_chat_input(tmp_path / "in.jsonl", 20)
    out = tmp_path / "out.jsonl"
    fake = FakeOpenAI()
    run(source, out, client=_client(transport=fake), concurrency=4)
    before = out.read_bytes()
    assert fake.stats.requests == 20
    summary = run(source, out, client=_client(transport=fake))
    assert fake.stats.requests == 20 and summary.skipped == 20 and summary.succeeded == 0 and summary.complete
    assert out.read_bytes() == before


def test_budget_stop_leaves_the_rest_resumable(tmp_path: pathlib.Path) -> None:
    n = 60
    source = write_chat_input(tmp_path / "in.jsonl", n)
    out, failed = tmp_path / "out.jsonl", tmp_path / "out.failures.jsonl"
    sent = 0

    def over_budget(request: httpx.Request) -> httpx.Response:
        nonlocal sent
        sent += 1
        if sent > 25:  # what the client's budget check will raise inside the call
            raise gptkit.BudgetExceededError("the call's worst case $0.01 exceeds the remaining $0.00")
        return _echo(request)

    summary = run(source, out, client=_client(transport=httpx.MockTransport(over_budget)), concurrency=1)
    assert summary.stopped is not None and summary.stopped.startswith("BudgetExceededError")
    assert summary.succeeded == 25 and summary.not_done == n - 25 and summary.exit_code == 8
    assert read_records(failed) == []
    resumed = run(source, out, client=_client(transport=httpx.MockTransport(_echo)), concurrency=4)
    assert resumed.skipped == 25 and resumed.succeeded == n - 25 and resumed.complete
    assert_exactly_once(n, out, failed)


def test_quota_error_stops_and_its_line_is_sent_again_on_resume(tmp_path: pathlib.Path) -> None:
    n = 40
    source = write_chat_input(tmp_path / "in.jsonl", n)
    out, failed = tmp_path / "out.jsonl", tmp_path / "out.failures.jsonl"
    fake = FakeOpenAI()
    quota = fake.inject(Fault.quota(), times=1, when=_lines(lambda i: i == 10))  # until topped up
    summary = run(source, out, client=_client(transport=fake), concurrency=1)
    assert quota.fired == 1 and summary.exit_code == 8
    assert summary.stopped is not None and "InsufficientQuotaError" in summary.stopped
    assert {r["custom_id"] for r in read_records(out)} == {f"r{i}" for i in range(10)}
    assert summary.not_done == 30 and read_records(failed) == []  # r10 is not recorded as done
    resumed = run(source, out, client=_client(transport=fake), concurrency=4)
    assert resumed.skipped == 10 and resumed.succeeded == 30 and resumed.complete
    assert_exactly_once(n, out, failed)
    sent = Counter(_number(r) for r in fake.requests)
    assert sent[10] == 2 and all(sent[i] == 1 for i in range(n) if i != 10)  # nothing else re-sent


def test_without_stop_on_a_quota_error_is_a_failure(tmp_path: pathlib.Path) -> None:
    source = write_chat_input(tmp_path / "in.jsonl", 6)
    out, failed = tmp_path / "out.jsonl", tmp_path / "out.failures.jsonl"
    fake = FakeOpenAI()
    fake.inject(Fault.quota(), when=_lines(lambda i: i in (1, 4)))
    summary = run(source, out, client=_client(transport=fake), stop_on=())
    assert summary.complete and summary.failed_by_class == {"InsufficientQuotaError": 2}
    assert {r["custom_id"] for r in read_records(failed)} == {"r1", "r4"}
    assert read_records(failed)[0]["error"]["code"] == "insufficient_quota"
    assert_exactly_once(6, out, failed)


def test_resume_repairs_a_torn_tail_and_loses_nothing(tmp_path: pathlib.Path) -> None:
    n = 50
    source = write_chat_input(tmp_path / "in.jsonl", n)
    out, failed = tmp_path / "out.jsonl", tmp_path / "out.failures.jsonl"
    run(source, out, client=_client(transport=httpx.MockTransport(_echo)), concurrency=4)
    lines = out.read_bytes().splitlines(keepends=True)
    out.write_bytes(b"".join(lines[:20]) + lines[20][:37])  # as if killed mid-write of record 21
    sent: list[str] = []
    transport = httpx.MockTransport(lambda r: (sent.append(_prompt(r)), _echo(r))[1])
    summary = run(source, out, client=_client(transport=transport), concurrency=4)
    assert summary.skipped == 20 and summary.succeeded == 30 and len(sent) == 30
    assert_exactly_once(n, out, failed)


def test_retry_failed_sends_failures_again(tmp_path: pathlib.Path) -> None:
    n = 30
    source = write_chat_input(tmp_path / "in.jsonl", n)
    out, failed = tmp_path / "out.jsonl", tmp_path / "out.failures.jsonl"

    def flaky(request: httpx.Request) -> httpx.Response:
        if int(_prompt(request).split()[1]) % 3 == 0:
            return httpx.Response(400, json={"error": {"message": "bad", "code": "x"}})
        return _echo(request)

    first = run(source, out, client=_client(transport=httpx.MockTransport(flaky)), concurrency=4)
    assert first.failed == 10
    again = run(source, out, client=_client(transport=httpx.MockTransport(_echo)), retry_failed=True)
    assert again.succeeded == 10 and again.skipped == 20 and again.failed == 0
    assert read_records(failed) == [] and len(read_records(tmp_path / "out.failures.jsonl.previous")) == 10
    assert_exactly_once(n, out, failed)


def test_sort_output_writes_input_order(tmp_path: pathlib.Path) -> None:
    n = 40
    source = write_chat_input(tmp_path / "in.jsonl", n)
    out = tmp_path / "out.jsonl"

    async def slow_evens(request: httpx.Request) -> httpx.Response:
        if int(_prompt(request).split()[1]) % 2 == 0:
            await asyncio.sleep(0.01)
        return _echo(request)

    run(source, out, client=_client(transport=httpx.MockTransport(slow_evens)), concurrency=8, sort_output=True)
    assert [r["custom_id"] for r in read_records(out)] == [f"r{i}" for i in range(n)]


def test_other_endpoints_write_provider_bodies(tmp_path: pathlib.Path) -> None:
    source = write_lines(tmp_path / "in.jsonl", [
        {"custom_id": "e", "method": "POST", "url": "/v1/embeddings",
         "body": {"model": "text-embedding-3-small", "input": "hello", "dimensions": 4}},
        {"custom_id": "c", "method": "POST", "url": "/v1/completions",
         "body": {"model": "gpt-3.5-turbo-instruct", "prompt": "p"}},
        chat_line("h", "hi"),
    ])
    out = tmp_path / "out.jsonl"
    fake = FakeOpenAI()
    summary = run(source, out, client=_client(transport=fake))
    records = {r["custom_id"]: r["response"]["body"] for r in read_records(out)}
    vector = records["e"]["data"][0]["embedding"]
    assert len(vector) == 4 and all(isinstance(v, float) for v in vector)  # floats, as the Batch API
    assert [r.body["encoding_format"] for r in fake.requests if r.path == "/embeddings"] == ["float"]
    assert records["c"]["choices"][0]["text"] == "Echo: p"
    assert records["h"]["object"] == "chat.completion" and summary.succeeded == 3


def test_pending_requests_stay_bounded(tmp_path: pathlib.Path) -> None:
    n, concurrency = 3000, 4
    source = write_chat_input(tmp_path / "in.jsonl", n)
    summary = run(source, tmp_path / "out.jsonl", client=_client(transport=httpx.MockTransport(_echo)),
                  concurrency=concurrency)
    assert summary.succeeded == n
    # queue (= concurrency) + one per worker + the one the producer holds
    assert 0 < summary.extra["max_pending"] <= 2 * concurrency + 1


def test_sigint_stops_gracefully_and_resume_finishes(tmp_path: pathlib.Path) -> None:
    n = 200
    source = write_chat_input(tmp_path / "in.jsonl", n)
    out, failed = tmp_path / "out.jsonl", tmp_path / "out.failures.jsonl"
    sent = 0

    async def handler(request: httpx.Request) -> httpx.Response:
        nonlocal sent
        sent += 1
        if sent == 30:
            os.kill(os.getpid(), signal.SIGINT)
        await asyncio.sleep(0.005)
        return _echo(request)

    before = signal.getsignal(signal.SIGINT)
    summary = run(source, out, client=_client(transport=httpx.MockTransport(handler)), concurrency=8)
    assert summary.stopped == "interrupted (SIGINT)" and not summary.complete
    assert summary.succeeded == sent  # every request sent was finished and recorded, none started after
    assert sent < n and summary.not_done == n - sent
    assert signal.getsignal(signal.SIGINT) is before  # handler restored
    run(source, out, client=_client(transport=httpx.MockTransport(_echo)), concurrency=8)
    assert_exactly_once(n, out, failed)


def test_grace_period_abandons_stuck_requests(tmp_path: pathlib.Path) -> None:
    n = 20
    source = write_chat_input(tmp_path / "in.jsonl", n)
    out, failed = tmp_path / "out.jsonl", tmp_path / "out.failures.jsonl"

    async def handler(request: httpx.Request) -> httpx.Response:
        number = int(_prompt(request).split()[1])
        if number == 5:
            os.kill(os.getpid(), signal.SIGTERM)
        if number >= 3:
            await asyncio.sleep(30)
        return _echo(request)

    summary = run(source, out, client=_client(transport=httpx.MockTransport(handler)), concurrency=4,
                  grace_period=0.2)
    assert summary.stopped == "interrupted (SIGTERM)"
    assert summary.succeeded == 3 and summary.not_done == n - 3 and read_records(failed) == []
    assert [r["custom_id"] for r in read_records(out)] == ["r0", "r1", "r2"]


def test_invalid_input_sends_nothing(tmp_path: pathlib.Path) -> None:
    source = write_lines(tmp_path / "in.jsonl", [chat_line("a", "x"), chat_line("a", "y")])
    sent: list[httpx.Request] = []
    transport = httpx.MockTransport(lambda r: (sent.append(r), _echo(r))[1])
    with pytest.raises(BatchInputError, match="line 2"):
        run(source, tmp_path / "out.jsonl", client=_client(transport=transport))
    assert sent == [] and not (tmp_path / "out.jsonl").exists()


async def test_arun_keeps_user_retry_hook_and_client_open(tmp_path: pathlib.Path) -> None:
    source = write_chat_input(tmp_path / "in.jsonl", 5)
    events: list[gptkit.RetryEvent] = []
    attempts: dict[str, int] = {}

    def handler(request: httpx.Request) -> httpx.Response:
        prompt = _prompt(request)
        attempts[prompt] = attempts.get(prompt, 0) + 1
        if attempts[prompt] == 1:
            return httpx.Response(429, json={"error": {"message": "slow down"}}, headers={"retry-after-ms": "1"})
        return _echo(request)

    client = _client(transport=httpx.MockTransport(handler),
                     retry=gptkit.RetryPolicy(zero_waits=True, on_retry=events.append))
    summary = await arun(source, tmp_path / "out.jsonl", client=client, handle_signals=False)
    assert len(events) == 5 and summary.rate_limited == 5 and summary.retries == 5
    assert not client.is_closed  # a client passed in belongs to the caller
    await client.aclose()


def test_sync_client_is_rejected(tmp_path: pathlib.Path) -> None:
    source = write_chat_input(tmp_path / "in.jsonl", 1)
    with pytest.raises(TypeError, match="AsyncClient"):
        run(source, tmp_path / "out.jsonl", client=gptkit.Client(api_key=API_KEY))  # type: ignore[arg-type]


def test_progress_lines() -> None:
    stats = RunStats(total=100, skipped=10)
    stats.succeeded, stats.failed, stats.total_tokens, stats.rate_limited = 30, 5, 7000, 2
    plain = io.StringIO()
    progress = Progress(plain, interval=10.0, tty=False)
    progress.tick(stats, now=10.0, started=0.0)
    progress.tick(stats, now=15.0, started=0.0)  # within the interval: nothing
    progress.tick(stats, now=20.0, started=0.0)
    lines = plain.getvalue().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("45/100 (45.0%) failed 5 | 3.5 req/s 700 tok/s |") and "429s 2" in lines[0]
    assert "ETA 0:16" in lines[0]
    tty = io.StringIO()
    live = Progress(tty, tty=True)
    live.tick(stats, now=1.0, started=0.0)
    live.finish(stats, now=2.0, started=0.0)
    assert tty.getvalue().startswith("\r45/100") and tty.getvalue().endswith("\x1b[K\n")
