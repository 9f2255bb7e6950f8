"""RedisBudget through Redis faults, against a private redis-server the tests stop and start.

No spend lost (a settlement that cannot be written is kept and written exactly once when Redis
answers), new calls refused with typed errors while it is gone, recovery in the same process,
and a budget whose state vanished refused with the cause named.
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
import threading
import time
from decimal import Decimal
from typing import Any

import httpx
import pytest

import gptkit
from tests.cost_helpers import ok, usage_body
from tests.helpers import close, invoke
from tests.redis_server import RedisServer

pytestmark = pytest.mark.redis

MSGS = [{"role": "user", "content": "x" * 40}]
FAST = {"reconnect": 0.3, "timeout": 0.5}  # give up on Redis quickly: these tests take it away


def budget_on(server: RedisServer, usd: str = "1", **options: Any) -> gptkit.RedisBudget:
    return gptkit.RedisBudget(server.url, name="job", usd=usd, **{**FAST, **options})


class Server:
    """An answering server whose n-th request runs ``during`` before answering (Redis goes)."""

    def __init__(self, during: dict[int, Any] | None = None) -> None:
        self.during = during or {}
        self.sent = 0

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.sent += 1
        action = self.during.get(self.sent)
        if action is not None:
            action()
        return ok(usage_body(prompt=30, completion=10))


def client_for(kind: str, server: Server, budget: Any) -> Any:
    transport = httpx.MockTransport(server)
    if kind == "sync":
        return gptkit.Client(api_key="sk-test", transport=transport, budget=budget, max_retries=0)
    return gptkit.AsyncClient(api_key="sk-test", transport=transport, budget=budget, max_retries=0)


async def chat(client: Any) -> Any:
    return await invoke(client, "chat.completions.create", model="gpt-4o", messages=MSGS, max_tokens=10)


async def test_a_call_that_settles_during_an_outage_loses_no_spend(kind: str, own_redis: RedisServer) -> None:
    budget = budget_on(own_redis)
    server = Server({2: own_redis.stop})  # Redis goes away while the second call is in flight
    client = client_for(kind, server, budget)
    first = await chat(client)
    second = await chat(client)  # answered: the caller gets it, its cost is owed to Redis
    assert budget.unsettled == second.cost.total > 0
    with pytest.raises(gptkit.BudgetBackendError, match="Nothing was sent") as refused:
        await chat(client)  # no Redis to check against: refused (fail closed), not sent
    assert not isinstance(refused.value, gptkit.BudgetStateLostError)
    assert server.sent == 2
    own_redis.start()  # back, with its data
    third = await chat(client)  # the same process recovers; what was owed is written first
    assert budget.unsettled == 0
    assert budget.state() == (first.cost.total + second.cost.total + third.cost.total, Decimal(0))
    await close(client)


async def test_owed_spend_is_written_without_another_call(own_redis: RedisServer) -> None:
    budget = budget_on(own_redis)
    client = client_for("sync", Server({1: own_redis.stop}), budget)
    answer = await chat(client)
    assert budget.unsettled == answer.cost.total
    own_redis.start()
    deadline = time.monotonic() + 5
    while budget.unsettled and time.monotonic() < deadline:
        time.sleep(0.05)  # the background writer tries every second or two
    assert budget.unsettled == 0
    assert budget.state() == (answer.cost.total, Decimal(0))


async def test_close_waits_for_the_background_writer_then_writes(kind: str, own_redis: RedisServer) -> None:
    # Seen on a loaded machine: the background writer was mid-attempt when close() came, and
    # close() left the spend owed instead of writing it once the writer's attempt ended.
    budget = budget_on(own_redis)
    client = client_for(kind, Server({1: own_redis.stop}), budget)
    answer = await chat(client)
    assert budget.unsettled == answer.cost.total
    own_redis.start()
    budget._flushing.acquire()  # the background writer's attempt, in progress
    threading.Timer(0.2, budget._flushing.release).start()
    await close(client)
    assert budget.unsettled == 0
    assert budget.state() == (answer.cost.total, Decimal(0))


async def test_close_writes_what_is_owed(kind: str, own_redis: RedisServer) -> None:
    budget = gptkit.RedisBudget(own_redis.client(), name="job", usd="1", **FAST) if kind == "sync" else (
        gptkit.RedisBudget(own_redis.client_async(), name="job", usd="1", **FAST))
    client = client_for(kind, Server({1: own_redis.stop}), budget)
    answer = await chat(client)
    assert budget.unsettled == answer.cost.total
    own_redis.start()
    await close(client)  # the client's close writes what its budget owes
    assert budget.unsettled == 0
    assert (await budget.astate()) == (answer.cost.total, Decimal(0))


async def test_a_settlement_whose_answer_was_lost_counts_once(kind: str, own_redis: RedisServer) -> None:
    """Redis frozen mid-settlement: the command may run when it thaws, and gptkit writes the
    settlement again; the script recognises it, so the cost is counted exactly once."""
    budget = budget_on(own_redis)
    client = client_for(kind, Server({1: own_redis.pause}), budget)
    answer = await chat(client)  # the settlement times out (it sits in the frozen server)
    assert budget.unsettled == answer.cost.total
    own_redis.resume()
    assert budget.flush() == 0
    assert budget.state() == (answer.cost.total, Decimal(0))
    await close(client)


def test_settle_and_release_are_idempotent_in_redis(own_redis: RedisServer) -> None:
    from gptkit._cost._budget_owed import Owed

    budget = budget_on(own_redis, reservation_ttl=0.2)
    live = budget.reserve(Decimal("0.25"))
    expired = budget.reserve(Decimal("0.25"))
    budget.settle(live, Decimal("0.1"))
    time.sleep(0.3)
    budget.release(budget.reserve(Decimal("0.01")))  # a reservation reaps the expired hold
    assert budget.state() == (Decimal("0.1"), Decimal(0))
    budget.settle(expired, Decimal("0.2"))  # expired, then settled: the money was spent all the same
    for hold, nanos in ((live.id, 10**8), (expired.id, 2 * 10**8)):  # written again, as after a lost answer
        budget._owe(Owed(hold, nanos, budget._known, Decimal(nanos) / 10**9))
    assert budget.flush() == 0
    assert budget.state() == (Decimal("0.3"), Decimal(0))


def test_every_method_fails_typed_while_redis_is_gone(own_redis: RedisServer) -> None:
    budget = budget_on(own_redis)
    hold = budget.reserve(Decimal("0.5"))
    own_redis.stop()
    started = time.monotonic()
    for call in (lambda: budget.reserve(Decimal("0.1")), budget.state, lambda: budget.spent,
                 lambda: budget.remaining, budget.reset):
        with pytest.raises(gptkit.BudgetBackendError):
            call()
    budget.settle(hold, Decimal("0.25"))  # never raises: owed
    assert budget.flush() == 1 and budget.unsettled == Decimal("0.25")
    budget.close()
    assert time.monotonic() - started < 5  # the first refusal rode out `reconnect`; then fast

    async def async_side() -> None:
        with pytest.raises(gptkit.BudgetBackendError):
            await budget.areserve(Decimal("0.1"))
        with pytest.raises(gptkit.BudgetBackendError):
            await budget.astate()
        assert await budget.aflush() == 1
        await budget.aclose()

    asyncio.run(async_side())
    own_redis.start()
    assert budget.flush() == 0 and budget.state() == (Decimal("0.25"), Decimal(0))


def test_a_reservation_rides_over_a_short_outage(own_redis: RedisServer) -> None:
    import threading

    budget = gptkit.RedisBudget(own_redis.url, name="job", usd="1", reconnect=5.0, timeout=0.5)
    budget.reserve(Decimal("0.1"))  # first contact made
    own_redis.stop()
    threading.Timer(0.5, own_redis.start).start()  # a failover of half a second
    started = time.monotonic()
    budget.reserve(Decimal("0.1"))  # waits for Redis instead of failing
    assert 0.4 < time.monotonic() - started < 5
    assert budget.state() == (Decimal(0), Decimal("0.2"))


def test_exiting_with_unsettled_spend_says_so(own_redis: RedisServer) -> None:
    script = f"""
import sys
from decimal import Decimal
import gptkit
budget = gptkit.RedisBudget({own_redis.url!r}, name="job", usd="1", reconnect=0.2, timeout=0.5)
hold = budget.reserve(Decimal("0.5"))
print("reserved", flush=True)
sys.stdin.readline()  # the test stops Redis meanwhile
budget.settle(hold, Decimal("0.0123"))
"""
    child = subprocess.Popen([sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    assert child.stdout is not None and child.stdout.readline().strip() == "reserved"
    own_redis.stop()
    _out, err = child.communicate("go\n", timeout=30)
    assert child.returncode == 0
    assert "RedisBudget 'job': 1 settlement(s)" in err and "$0.0123 of spending is missing" in err
    assert "HINCRBY 'gptkit:budget:{job}' spent 12300000" in err


# -- a state that vanished ------------------------------------------------------------------------


def test_a_restart_without_persistence_is_refused_with_its_cause(own_redis_volatile: RedisServer) -> None:
    budget = budget_on(own_redis_volatile)
    budget.settle(budget.reserve(Decimal("0.5")), Decimal("0.4"))
    own_redis_volatile.restart()  # no persistence: everything is gone
    with pytest.raises(gptkit.BudgetStateLostError) as lost:
        budget.reserve(Decimal("0.1"))
    assert lost.value.cause == "restart" and lost.value.budget == "job"
    assert "restarted without keeping it" in str(lost.value) and "reset(spent=" in str(lost.value)
    with pytest.raises(gptkit.BudgetStateLostError):
        budget.state()  # reads refuse too: $0 would be a lie
    # A process that never knew the budget cannot tell; it starts one, and the first one says so.
    newcomer = budget_on(own_redis_volatile)
    newcomer.settle(newcomer.reserve(Decimal("0.1")), Decimal("0.1"))
    with pytest.raises(gptkit.BudgetStateLostError) as replaced:
        budget.reserve(Decimal("0.1"))
    assert replaced.value.cause == "replaced"
    # The operator starts it again with what was really spent; every process follows.
    budget.reset(spent="0.5")
    newcomer.settle(newcomer.reserve(Decimal("0.1")), Decimal("0.05"))
    budget.settle(budget.reserve(Decimal("0.1")), Decimal("0.05"))
    assert budget.state() == newcomer.state() == (Decimal("0.6"), Decimal(0))


def test_flush_and_delete_are_named(own_redis: RedisServer) -> None:
    budget = budget_on(own_redis)
    budget.reserve(Decimal("0.1"))
    own_redis.client().flushdb()
    with pytest.raises(gptkit.BudgetStateLostError) as flushed:
        budget.reserve(Decimal("0.1"))
    assert flushed.value.cause == "flush" and "FLUSHDB or FLUSHALL" in str(flushed.value)
    other = gptkit.RedisBudget(own_redis.url, name="other", usd="1", **FAST)
    other.reserve(Decimal("0.1"))
    own_redis.client().delete(*other.keys)
    with pytest.raises(gptkit.BudgetStateLostError) as deleted:
        other.reserve(Decimal("0.1"))
    assert deleted.value.cause == "deleted"


def test_a_rollback_to_an_older_copy_is_refused(own_redis: RedisServer, tmp_path: Any) -> None:
    import shutil

    budget = budget_on(own_redis)
    budget.settle(budget.reserve(Decimal("0.2")), Decimal("0.1"))
    own_redis.stop()
    snapshot = tmp_path / "older"
    shutil.copytree(own_redis.directory, snapshot)
    own_redis.start()
    budget.settle(budget.reserve(Decimal("0.2")), Decimal("0.1"))  # spending the older copy lacks
    own_redis.stop()
    shutil.rmtree(own_redis.directory)
    shutil.copytree(snapshot, own_redis.directory)
    own_redis.start()
    with pytest.raises(gptkit.BudgetStateLostError) as rolled:
        budget.reserve(Decimal("0.1"))
    assert rolled.value.cause == "rollback" and "went back in time" in str(rolled.value)


def test_an_eviction_policy_that_can_lose_budgets_is_warned_about(
    own_redis: RedisServer, caplog: pytest.LogCaptureFixture
) -> None:
    own_redis.client().config_set("maxmemory-policy", "allkeys-lru")
    budget_on(own_redis).reserve(Decimal("0.1"))
    assert any("maxmemory-policy allkeys-lru" in r.getMessage() and r.levelname == "WARNING"
               for r in caplog.records)


def test_causes_are_told_apart_from_redis_counters() -> None:
    from gptkit._cost._budget_health import Snapshot, explain

    before = Snapshot("run-1", evicted_keys=3, flushes=1, maxmemory_policy="allkeys-lru", aof_enabled=False)
    assert explain("lost", before, Snapshot("run-2", 0, 0, "noeviction", False))[0] == "restart"
    evicted = explain("lost", before, Snapshot("run-1", 9, 1, "allkeys-lru", False))
    assert evicted[0] == "eviction" and "allkeys-lru" in evicted[1]
    assert explain("lost", before, Snapshot("run-1", 3, 2, "allkeys-lru", False))[0] == "flush"
    assert explain("lost", before, before)[0] == "deleted"
    assert explain("lost", None, before) == ("deleted", "is gone from Redis (Redis did not say why: INFO is "
                                                        "not allowed)")
    assert explain("rollback", before, Snapshot("run-2", 0, 0, "", True))[0] == "rollback"
