"""Four processes share a RedisBudget and a rate limit through a private Redis that goes away for
two seconds in the middle of their run (its data kept) and comes back.

The budget's spent total in Redis at the end equals the sum of the costs of the calls that
succeeded, to the nano-dollar: no settlement was lost or counted twice, although some calls were
at the server when Redis went. Nothing was spent past the budget. Every error a caller saw is a
gptkit error (none from redis-py), and every process recovered without a restart.
"""

from __future__ import annotations

import multiprocessing
import time
from decimal import Decimal

import pytest

import gptkit
from tests.redis_server import RedisServer

pytestmark = [pytest.mark.redis, pytest.mark.slow]


def test_four_processes_lose_no_spend_through_an_outage(own_redis: RedisServer) -> None:
    from tests import redis_outage_worker
    from tests.test_cost_budget import _per_call_cost

    limit = _per_call_cost() * 40  # room for ~40 worst cases; 4 x 40 tries want more than that
    ctx = multiprocessing.get_context("spawn")
    with ctx.Manager() as manager, ctx.Pool(4) as pool:
        barrier = manager.Barrier(5)
        pending = pool.starmap_async(redis_outage_worker.run, [
            # Processes 0 (sync) and 1 (async): their third call is at the server when Redis goes.
            (own_redis.url, "shared", str(limit), 40, index % 2 == 1, 1.0 if index < 2 else 0.0, barrier)
            for index in range(4)
        ])
        barrier.wait(timeout=60)  # all four made their first call: in full swing now
        time.sleep(0.3)
        own_redis.stop()  # mid-run: calls at the server now settle while Redis is away
        time.sleep(2.0)
        own_redis.start()  # the same data (append-only file)
        results = pending.get(timeout=90)
    costs = [Decimal(c) for r in results for c in r["costs"]]
    raised = [name for r in results for name in r["raised"]]
    budget = gptkit.RedisBudget(own_redis.url, name="shared", usd=limit)
    spent, reserved = budget.state()
    assert spent == sum(costs, Decimal(0))  # every success counted exactly once
    assert reserved == 0  # every hold settled or released
    assert spent <= limit  # never past the budget
    assert limit - spent < _per_call_cost()  # and spent up to it: the run went on after Redis came back
    assert raised, "the outage was not seen"
    assert all(name.startswith("gptkit.") for name in raised), set(raised)
    assert {name.rsplit(".", 1)[1] for name in raised} <= {"BudgetBackendError", "RateLimitBackendError"}
    assert all(r["costs"] for r in results)  # every process got work done
    assert Decimal(results[0]["owed"]) > 0 and Decimal(results[1]["owed"]) > 0  # settled in the outage
