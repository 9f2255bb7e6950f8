"""The batch runner through a Redis outage, against a private redis-server the tests stop and
start: requests refused for want of Redis were not sent, so the run pauses and goes on when it
answers; every custom_id is recorded exactly once, no spend is lost, and only typed errors (never
redis-py's) reach the caller. In-process (``arun``) and as four ``--redis`` workers."""

from __future__ import annotations

import asyncio
import json
import pathlib
import subprocess
import sys
import time
from collections import Counter
from decimal import Decimal
from typing import Any

import pytest

import gptkit
from gptkit.batch import arun
from gptkit.testing import FakeOpenAI
from tests.redis_server import RedisServer

from .batch_helpers import assert_exactly_once, chat_line, read_records, write_lines

pytestmark = [pytest.mark.redis, pytest.mark.slow]

CHAT = "/chat/completions"
FAST = {"reconnect": 0.3, "timeout": 0.5}


def _input(tmp_path: pathlib.Path, n: int) -> pathlib.Path:
    return write_lines(tmp_path / "in.jsonl", [chat_line(f"r{i}", f"prompt {i}", max_tokens=16) for i in range(n)])


def _client(fake: FakeOpenAI, url: str, usd: str = "1") -> gptkit.AsyncClient:
    return gptkit.AsyncClient(
        api_key="sk-test", transport=fake, max_retries=0,
        rate_limit=gptkit.RateLimit(rpm=3000, window=1.0, backend=gptkit.RedisBackend(url, **FAST)),
        budget=gptkit.RedisBudget(url, name="batch", usd=usd, **FAST),
    )


def _spent(url: str) -> tuple[Decimal, Decimal]:
    return gptkit.RedisBudget(url, name="batch", usd=0).state()


async def test_a_run_pauses_through_an_outage_and_finishes(own_redis: RedisServer, tmp_path: pathlib.Path,
                                                          caplog: pytest.LogCaptureFixture) -> None:
    n = 60
    source, output = _input(tmp_path, n), tmp_path / "out.jsonl"
    fake = FakeOpenAI(latency=0.03)
    client = _client(fake, own_redis.url)

    async def outage() -> None:
        while len(read_records(output)) < 10:
            await asyncio.sleep(0.02)
        await asyncio.to_thread(own_redis.stop)  # requests at the server settle while it is away
        await asyncio.sleep(1.5)  # longer than `reconnect`: calls are refused, the run pauses
        await asyncio.to_thread(own_redis.start)

    summary, _ = await asyncio.gather(
        arun(source, output, client=client, concurrency=4, handle_signals=False, progress=False), outage())
    await client.aclose()
    assert (summary.succeeded, summary.failed, summary.stopped) == (n, 0, None)
    assert_exactly_once(n, output, tmp_path / "out.failures.jsonl")
    assert fake.stats.by_path[CHAT] == n  # a refused request was not sent; each was sent once
    assert _spent(own_redis.url) == (summary.cost, Decimal(0))  # every success counted, once
    assert "pausing requests until it answers" in caplog.text and "requests resume" in caplog.text


async def test_a_long_outage_stops_the_run_and_a_rerun_resumes(own_redis: RedisServer,
                                                               tmp_path: pathlib.Path) -> None:
    n = 40
    source, output = _input(tmp_path, n), tmp_path / "out.jsonl"
    fake = FakeOpenAI(latency=0.02)
    client = _client(fake, own_redis.url)

    async def outage() -> None:
        while len(read_records(output)) < 10:
            await asyncio.sleep(0.02)
        await asyncio.to_thread(own_redis.stop)

    first, _ = await asyncio.gather(
        arun(source, output, client=client, concurrency=4, handle_signals=False, progress=False,
             backend_patience=0.8), outage())
    assert first.stopped is not None and "BackendError" in first.stopped
    assert first.exit_code == 8 and first.failed == 0 and 0 < first.succeeded < n  # stopped early
    own_redis.start()
    second = await arun(source, output, client=client, concurrency=4, handle_signals=False, progress=False)
    await client.aclose()
    assert (second.succeeded + first.succeeded, second.failed, second.stopped) == (n, 0, None)
    assert_exactly_once(n, output, tmp_path / "out.failures.jsonl")
    assert fake.stats.by_path[CHAT] == n
    assert _spent(own_redis.url) == (first.cost + second.cost, Decimal(0))


async def test_a_lost_budget_stops_the_run(own_redis_volatile: RedisServer, tmp_path: pathlib.Path) -> None:
    n = 40
    source, output = _input(tmp_path, n), tmp_path / "out.jsonl"
    fake = FakeOpenAI(latency=0.02)
    client = _client(fake, own_redis_volatile.url)

    async def lose_everything() -> None:
        while len(read_records(output)) < 10:
            await asyncio.sleep(0.02)
        await asyncio.to_thread(own_redis_volatile.restart)  # no persistence: the budget is gone

    summary, _ = await asyncio.gather(
        arun(source, output, client=client, concurrency=4, handle_signals=False, progress=False),
        lose_everything())
    assert summary.stopped is not None and "BudgetStateLostError" in summary.stopped
    assert "restarted" in summary.stopped
    assert summary.failed == 0 and summary.succeeded < n  # the rest stays not done, for a rerun
    # Calls that ran across the loss still owe their cost; the operator's reset takes them in.
    budget = client.budget
    assert isinstance(budget, gptkit.RedisBudget)
    owed = budget.unsettled
    budget.reset(spent="0.5")
    assert budget.unsettled == 0 and budget.state() == (Decimal("0.5") + owed, Decimal(0))
    await client.aclose()


def _worker(k: int, source: pathlib.Path, tmp_path: pathlib.Path, base_url: str, redis_url: str) -> Any:
    return subprocess.Popen(
        [sys.executable, "-m", "gptkit.batch", "run", str(source), "-o", str(tmp_path / f"out{k}.jsonl"),
         "--shard", f"{k}/2", "--base-url", base_url, "--no-api-key", "-c", "4", "--json",
         "--rpm", "1200", "--tpm", "1000000", "--rate-window", "1", "--redis", redis_url,
         "--budget", "1", "--budget-name", "batch"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_redis_workers_ride_over_an_outage(own_redis: RedisServer, tmp_path: pathlib.Path) -> None:
    """Two ``python -m gptkit.batch run --redis`` workers: Redis stopped for a second and a half
    in the middle (a failover, data kept); they wait it out and finish, no spend lost."""
    n = 80
    source = _input(tmp_path, n)
    fake = FakeOpenAI(rpm=1200, tpm=1_000_000, window=1.0, latency=0.03)
    outputs = [tmp_path / f"out{k}.jsonl" for k in (1, 2)]
    with fake.serve() as server:
        workers = [_worker(k, source, tmp_path, server.base_url, own_redis.url) for k in (1, 2)]
        deadline = time.monotonic() + 60
        while sum(len(read_records(p)) for p in outputs) < 20 and time.monotonic() < deadline:
            time.sleep(0.02)
        own_redis.stop()
        time.sleep(1.5)
        own_redis.start()
        done = [w.communicate(timeout=90) for w in workers]
    assert [w.returncode for w in workers] == [0] * 2, [err[-2000:] for _, err in done]
    for _, err in done:
        assert "redis.exceptions" not in err and "Traceback" not in err, err[-2000:]
    summaries = [json.loads(out) for out, _ in done]
    assert sum(s["succeeded"] for s in summaries) == n and sum(s["failed"] for s in summaries) == 0
    assert_exactly_once(n, *outputs, *[tmp_path / f"out{k}.failures.jsonl" for k in (1, 2)])
    assert fake.stats.sent_429 == 0
    sent = Counter(str(r.body["messages"][-1]["content"]) for r in fake.requests)
    assert all(sent[f"prompt {i}"] == 1 for i in range(n))
    assert _spent(own_redis.url) == (sum(Decimal(s["cost"]) for s in summaries), Decimal(0))
