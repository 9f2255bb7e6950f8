"""Four ``python -m gptkit.batch run`` workers on shards of one input, sharing a rate limit and a
budget through the real Redis, against one rate-limited FakeOpenAI: no 429s, the budget never
exceeded, every custom_id exactly once.

Skips when no Redis answers, unless GPTKIT_REQUIRE_REDIS=1 (CI), which makes that a failure.
"""

from __future__ import annotations

import json
import os
import pathlib
import subprocess
import sys
from collections import Counter
from decimal import Decimal

import pytest

import gptkit
from gptkit.batch import Shard
from gptkit.testing import FakeOpenAI

from .batch_helpers import assert_exactly_once, chat_line, read_records, write_lines

redis = pytest.importorskip("redis")
pytestmark = [pytest.mark.redis, pytest.mark.slow]

REDIS_URL = os.environ.get("GPTKIT_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
RPM = 1200  # 20 requests a second, shared by the four workers
WORKERS = 4
CHAT = "/chat/completions"


def _workers(source: pathlib.Path, tmp_path: pathlib.Path, url: str, redis_url: str,
             prefix: str, budget: str) -> list[subprocess.CompletedProcess[str]]:
    """Run the four workers to the end."""
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "gptkit.batch", "run", str(source), "-o", str(tmp_path / f"out{k}.jsonl"),
             "--shard", f"{k}/{WORKERS}", "--base-url", url, "--no-api-key", "-c", "8", "--json",
             "--rpm", str(RPM), "--tpm", "1000000", "--rate-window", "1",
             "--redis", redis_url,
             "--redis-prefix", prefix, "--budget", budget, "--budget-name", "nightly"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for k in range(1, WORKERS + 1)
    ]
    done = []
    for process in processes:
        stdout, stderr = process.communicate(timeout=90)
        done.append(subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr))
    return done


def test_four_workers_share_one_limit_and_budget(redis_url: str, prefix: str, tmp_path: pathlib.Path) -> None:
    n = 100
    source = write_lines(tmp_path / "in.jsonl", [chat_line(f"r{i}", f"prompt {i}", max_tokens=16)
                                                 for i in range(n)])
    # The fake and the workers count the same limit over a one-second window (a minute scaled down).
    fake = FakeOpenAI(rpm=RPM, tpm=1_000_000, window=1.0)
    shared = gptkit.RedisBudget(redis_url, name="nightly", usd=0, prefix=prefix)
    outputs = [tmp_path / f"out{k}.jsonl" for k in range(1, WORKERS + 1)]
    failures = [tmp_path / f"out{k}.failures.jsonl" for k in range(1, WORKERS + 1)]
    with fake.serve() as server:
        # First pass: a budget for about half the job (a call costs ~$0.0000039, reserves ~3x).
        first = _workers(source, tmp_path, server.base_url, redis_url, prefix, "0.0002")
        assert fake.stats.rate_limited == 0, [p.stderr[-2000:] for p in first]
        assert sum(json.loads(p.stdout)["rate_limited"] for p in first) == 0
        stopped = [json.loads(p.stdout) for p in first if p.returncode == 8]
        assert stopped and all("BudgetExceededError" in s["stopped"] for s in stopped), [p.stderr for p in first]
        assert all(p.returncode in (0, 8) for p in first)  # done, or stopped by the budget
        # Never more than the budget; how much below it depends on how many holds (each the worst
        # case, ~3x a call's real cost) were open when the refusals came.
        assert 0 < shared.spent <= Decimal("0.0002")
        half = sum(len(read_records(path)) for path in outputs)
        assert 0 < half < n
        # Topped up, the same commands finish the job.
        second = _workers(source, tmp_path, server.base_url, redis_url, prefix, "0.01")
    assert [p.returncode for p in second] == [0] * WORKERS, [p.stderr[-2000:] for p in second]
    assert fake.stats.rate_limited == 0  # the shared limit kept all four workers under the server's
    assert sum(json.loads(p.stdout)["rate_limited"] for p in second) == 0
    assert shared.spent <= Decimal("0.01")
    assert_exactly_once(n, *outputs, *failures)
    for k, path in enumerate(outputs, start=1):  # each worker wrote only its own shard
        assert all(Shard(k, WORKERS).holds(r["custom_id"]) for r in read_records(path))
    # Budget refusals happen before sending: every line was sent exactly once.
    assert fake.stats.by_path[CHAT] == n
    sent = Counter(str(r.body["messages"][-1]["content"]) for r in fake.requests if r.attempt == 1)
    assert all(sent[f"prompt {i}"] == 1 for i in range(n))
    spent_by_tokens = sum(json.loads(line)["response"]["body"]["usage"]["total_tokens"]
                          for path in outputs for line in path.read_text().splitlines())
    assert spent_by_tokens > 0 and shared.spent > Decimal("0.0002")


def test_shards_split_every_id_exactly_once() -> None:
    ids = [f"q-{i}" for i in range(2000)]
    owners = Counter(sum(Shard(k, 4).holds(i) for k in range(1, 5)) for i in ids)
    assert owners == {1: 2000}
    sizes = [sum(Shard(k, 4).holds(i) for i in ids) for k in range(1, 5)]
    assert all(400 < size < 600 for size in sizes)  # roughly even
    assert Shard.parse("2/4") == Shard(2, 4) == Shard.parse((2, 4)) and str(Shard(2, 4)) == "2/4"
    for bad in ("0/4", "5/4", "x", "1/0"):
        with pytest.raises(ValueError, match="shard"):
            Shard.parse(bad)
