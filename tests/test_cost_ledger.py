"""The ledger: totals equal the per-call costs, tags group, retries count once, exports round-trip."""

from __future__ import annotations

import asyncio
import threading
from decimal import Decimal
from pathlib import Path

import httpx
import pytest

import gptkit
from gptkit.testing import no_waits
from tests.cost_helpers import ok, usage_body
from tests.helpers import Recorder, close, invoke, make_client

MSGS = [{"role": "user", "content": "hi"}]


def _varied(request: httpx.Request) -> httpx.Response:
    # Token counts that differ per call (from the prompt), so sums are not multiples of one cost.
    size = len(request.content)
    return ok(usage_body(prompt=size, cached=size // 3, completion=size % 17 + 1))


async def test_totals_equal_sum_of_per_call_costs_and_tags_group(kind: str) -> None:
    rec = Recorder(_varied)
    client = make_client(kind, rec, tags={"team": "search"})
    nightly = client.with_options(tags={"job": "nightly"})
    costs: list[Decimal] = []
    for i in range(6):
        target = nightly if i % 2 else client
        resp = await invoke(target, "chat.completions.create", model="gpt-4o",
                            messages=[{"role": "user", "content": "x" * (i * 7)}],
                            tags={"feature": "a" if i < 3 else "b"})
        costs.append(resp.cost.total)
    assert client.ledger is nightly.ledger  # with_options shares the ledger
    snap = client.ledger.snapshot()
    assert snap.total.calls == 6
    assert client.ledger.total_cost == sum(costs) == snap.total.cost
    assert snap.by_model["gpt-4o"].cost == sum(costs)
    assert snap.by_tag["team"]["search"].calls == 6
    assert snap.by_tag["job"]["nightly"].calls == 3
    assert snap.by_tag["job"]["nightly"].cost == costs[1] + costs[3] + costs[5]
    assert snap.by_tag["feature"]["a"].cost == sum(costs[:3])
    assert snap.by_tag["feature"]["b"].cost == sum(costs[3:])
    await close(client)


async def test_retries_count_once_and_failures_cost_nothing(kind: str) -> None:
    rec = Recorder(httpx.Response(500, json={"error": {"message": "boom"}}),
                   httpx.Response(429, json={"error": {"message": "slow down"}}),
                   ok(usage_body(prompt=100, completion=10)),
                   httpx.Response(400, json={"error": {"message": "bad"}}))
    client = make_client(kind, rec, max_retries=3)
    with no_waits():
        resp = await invoke(client, "chat.completions.create", model="gpt-4o", messages=MSGS)
        with pytest.raises(gptkit.BadRequestError):
            await invoke(client, "chat.completions.create", model="gpt-4o", messages=MSGS)
    assert len(rec.requests) == 4
    snap = client.ledger.snapshot()
    assert snap.total.calls == 1 and snap.total.prompt_tokens == 100
    assert snap.total.cost == resp.cost.total
    await close(client)


async def test_with_options_can_take_its_own_ledger(kind: str) -> None:
    rec = Recorder(ok(usage_body()))
    client = make_client(kind, rec)
    own = gptkit.Ledger()
    copy = client.with_options(ledger=own)
    await invoke(copy, "chat.completions.create", model="gpt-4o", messages=MSGS)
    assert copy.ledger is own and own.calls == 1 and client.ledger.calls == 0
    shared = gptkit.Ledger()
    other = make_client(kind, rec, ledger=shared)
    await invoke(other, "chat.completions.create", model="gpt-4o", messages=MSGS)
    assert other.ledger is shared and shared.calls == 1
    await close(client)
    await close(other)


def _filled() -> gptkit.Ledger:
    ledger = gptkit.Ledger()
    cost = gptkit.Cost(input=Decimal("0.0000025"), output=Decimal("0.00001"), total=Decimal("0.0000125"))
    ledger.record(model="gpt-4o", tags={"job": "nightly", "team": "a,b \"quoted\""}, prompt_tokens=10,
                  cached_tokens=4, completion_tokens=3, reasoning_tokens=1, cost=cost)
    ledger.record(model="mystery", tags={"job": "adhoc"}, prompt_tokens=7, completion_tokens=2)
    return ledger


def test_export_round_trips_json_and_csv(tmp_path: Path) -> None:
    ledger = _filled()
    snap = ledger.snapshot()
    assert gptkit.Ledger.from_json(ledger.to_json()).snapshot() == snap
    assert gptkit.Ledger.from_csv(ledger.to_csv()).snapshot() == snap
    for name in ("ledger.json", "ledger.csv"):
        ledger.export(tmp_path / name)
        assert gptkit.Ledger.load(tmp_path / name).snapshot() == snap
    assert '"0.0000125"' in ledger.to_json()  # exact decimal strings, never floats
    assert snap.total.unpriced_calls == 1 and snap.by_tag["team"]['a,b "quoted"'].calls == 1
    with pytest.raises(ValueError, match="ledger CSV"):
        gptkit.Ledger.from_csv("a,b\n1,2\n")


def test_reset_and_merge() -> None:
    ledger = _filled()
    before = ledger.reset()
    assert before.total.calls == 2 and ledger.calls == 0 and ledger.total_cost == 0
    ledger.merge(before)
    ledger.merge(gptkit.Ledger.from_snapshot(before))
    assert ledger.calls == 4 and ledger.total_cost == 2 * before.total.cost
    assert ledger.snapshot().by_tag["job"]["nightly"].prompt_tokens == 20


def test_ledger_is_thread_safe() -> None:
    ledger = gptkit.Ledger()
    cost = gptkit.Cost(total=Decimal("0.000001"))

    def work() -> None:
        for _ in range(500):
            ledger.record(model="m", tags={"t": "v"}, prompt_tokens=1, cost=cost)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    snap = ledger.snapshot()
    assert snap.total.calls == 4000 and snap.total.cost == Decimal("0.004000")
    assert snap.by_tag["t"]["v"].prompt_tokens == 4000


async def test_concurrent_async_calls_all_recorded() -> None:
    rec = Recorder(_varied)
    client = make_client("async", rec)
    results = await asyncio.gather(*[
        client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "y" * i}])
        for i in range(100)
    ])
    assert client.ledger.calls == 100
    assert client.ledger.total_cost == sum(r.cost.total for r in results)
    await close(client)
