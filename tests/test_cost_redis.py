"""RedisBudget against the real Redis: atomic holds shared by processes, never exceeded."""

from __future__ import annotations

import asyncio
import multiprocessing
import time
import uuid
from collections.abc import Iterator
from decimal import Decimal

import pytest

import gptkit
from tests.cost_helpers import ok, usage_body
from tests.cost_redis_worker import MSGS
from tests.helpers import API_KEY, Recorder, close, invoke, make_client
from tests.test_cost_budget import _per_call_cost, _worst_case_answer

pytestmark = pytest.mark.redis

def _name() -> str:
    return f"test-{uuid.uuid4().hex}"


@pytest.fixture
def budget_name(redis_url: str) -> Iterator[str]:
    import redis

    name = _name()
    yield name
    redis.Redis.from_url(redis_url).delete(*gptkit.RedisBudget(redis_url, name=name, usd=0).keys)


async def test_reserve_refuse_settle_release(kind: str, redis_url: str, budget_name: str) -> None:
    per_call = _per_call_cost()
    budget = gptkit.RedisBudget(redis_url, name=budget_name, usd=per_call * 2 + per_call / 2)
    rec = Recorder(_worst_case_answer)
    client = make_client(kind, rec, budget=budget)
    for _ in range(2):
        await invoke(client, "chat.completions.create", model="gpt-4o", messages=MSGS, max_tokens=10)
    with pytest.raises(gptkit.BudgetExceededError) as info:
        await invoke(client, "chat.completions.create", model="gpt-4o", messages=MSGS, max_tokens=10)
    assert len(rec.requests) == 2
    assert info.value.needed == per_call and info.value.remaining == per_call / 2
    assert budget.spent == 2 * per_call and budget.remaining == per_call / 2
    await close(client)


async def test_failed_call_releases_its_hold(kind: str, redis_url: str, budget_name: str) -> None:
    import httpx

    budget = gptkit.RedisBudget(redis_url, name=budget_name, usd="1")
    client = make_client(kind, Recorder(httpx.Response(500, json={"error": {"message": "x"}})),
                         budget=budget, max_retries=0)
    with pytest.raises(gptkit.InternalServerError):
        await invoke(client, "chat.completions.create", model="gpt-4o", messages=MSGS, max_tokens=10)
    assert budget.state() == (Decimal(0), Decimal(0))
    await close(client)


def test_keys_are_namespaced_and_hold_no_secret(redis_url: str, budget_name: str) -> None:
    import redis

    budget = gptkit.RedisBudget(redis_url, name=budget_name, usd="1", prefix="gptkit-test")
    client = gptkit.Client(api_key=API_KEY, transport=Recorder(ok(usage_body())).transport, budget=budget)
    client.chat.completions.create(model="gpt-4o", messages=MSGS, max_tokens=10)
    assert all(key.startswith(f"gptkit-test:budget:{{{budget_name}}}") for key in budget.keys)
    raw = redis.Redis.from_url(redis_url)
    found = [k.decode() for k in raw.scan_iter(match=f"*{budget_name}*")]
    assert found and all(API_KEY not in key for key in found)
    assert API_KEY not in repr(budget)
    raw.delete(*budget.keys)
    client.close()


def test_holds_of_a_dead_process_expire(redis_url: str, budget_name: str) -> None:
    budget = gptkit.RedisBudget(redis_url, name=budget_name, usd="1", reservation_ttl=0.05)
    budget.reserve(Decimal("0.9"))  # never settled, as if the process had been killed
    with pytest.raises(gptkit.BudgetExceededError):
        budget.reserve(Decimal("0.5"))
    time.sleep(0.1)
    hold = budget.reserve(Decimal("0.5"))
    budget.settle(hold, Decimal("0.2"))
    assert budget.state() == (Decimal("0.2"), Decimal(0))


async def test_asyncio_client_given_directly(redis_url: str, budget_name: str) -> None:
    import redis.asyncio

    aredis = redis.asyncio.Redis.from_url(redis_url)
    budget = gptkit.RedisBudget(aredis, name=budget_name, usd="1")
    hold = await budget.areserve(Decimal("0.25"))
    assert await budget.astate() == (Decimal(0), Decimal("0.25"))
    await budget.asettle(hold, Decimal("0.125"))
    await budget.asettle(hold, Decimal("0.5"))  # once only
    assert await budget.astate() == (Decimal("0.125"), Decimal(0))
    with pytest.raises(TypeError, match="sync Client"):
        budget.reserve(Decimal("0.1"))
    await aredis.aclose()


async def test_sync_redis_client_serves_async_calls_in_a_thread(redis_url: str, budget_name: str) -> None:
    import redis

    budget = gptkit.RedisBudget(redis.Redis.from_url(redis_url), name=budget_name, usd="1")
    holds = await asyncio.gather(*[budget.areserve(Decimal("0.3")) for _ in range(5)],
                                 return_exceptions=True)
    assert sum(isinstance(h, gptkit.BudgetExceededError) for h in holds) == 2
    for hold in holds:
        if not isinstance(hold, BaseException):
            await budget.arelease(hold)
    assert budget.state() == (Decimal(0), Decimal(0))


@pytest.mark.slow
def test_shared_by_four_processes_is_never_exceeded(redis_url: str, budget_name: str) -> None:
    from tests import cost_redis_worker

    per_call = _per_call_cost()
    limit = per_call * 50 + per_call / 2
    ctx = multiprocessing.get_context("spawn")
    with ctx.Manager() as manager, ctx.Pool(4) as pool:
        barrier = manager.Barrier(4)
        results = pool.starmap(cost_redis_worker.run, [
            (redis_url, budget_name, str(limit), 30, index >= 2, barrier) for index in range(4)
        ])
    successes = sum(r[0] for r in results)
    sent = sum(r[1] for r in results)
    spent = sum(Decimal(r[2]) for r in results)
    assert successes == sent == 50  # 120 calls tried; the 70 refused sent nothing
    assert spent == 50 * per_call <= limit
    budget = gptkit.RedisBudget(redis_url, name=budget_name, usd=limit)
    assert budget.state() == (spent, Decimal(0))
