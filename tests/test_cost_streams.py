"""The hooks the streaming layer calls: a stream's final completion costs what a plain call costs."""

from __future__ import annotations

from decimal import Decimal

import pytest

import gptkit
from gptkit.resources.chat import CHAT_COMPLETIONS
from gptkit.types.chat import ChatCompletion
from tests.cost_helpers import ok, usage_body
from tests.helpers import Recorder, close, invoke, make_client

MSGS = [{"role": "user", "content": "hi"}]


async def test_streamed_and_plain_calls_cost_the_same(kind: str) -> None:
    body = usage_body(prompt=120, cached=64, completion=30)
    budget = gptkit.Budget(usd="1")
    client = make_client(kind, Recorder(ok(body)), budget=budget, tags={"job": "x"})
    plain = await invoke(client, "chat.completions.create", model="gpt-4o", messages=MSGS, max_tokens=50)
    # What the streaming layer does: prepare with stream=True, reserve, and when the stream ends,
    # account its accumulated final completion.
    call = client._prepare(CHAT_COMPLETIONS, {"model": "gpt-4o", "messages": MSGS, "max_tokens": 50},
                           stream=True)
    if kind == "sync":
        client._cost.reserve(call)
    else:
        await client._cost.areserve(call)
    assert budget.reserved > 0
    final = ChatCompletion.model_validate(body)
    client._account(call, final)
    client._account(call, final)  # a second report of the same stream is ignored
    if kind == "async":
        await client._cost.asettle(call)
    assert final.cost == plain.cost and final.cost is not None
    assert budget.reserved == 0 and budget.spent == 2 * plain.cost.total
    snap = client.ledger.snapshot()
    assert snap.total.calls == 2 and snap.by_tag["job"]["x"].cost == 2 * plain.cost.total
    await close(client)


@pytest.mark.redis
async def test_async_stream_settles_a_redis_budget_without_blocking(redis_url: str) -> None:
    import uuid

    url = redis_url
    budget = gptkit.RedisBudget(url, name=f"test-{uuid.uuid4().hex}", usd="1")
    client = make_client("async", Recorder(ok(usage_body())), budget=budget)
    call = client._prepare(CHAT_COMPLETIONS, {"model": "gpt-4o", "messages": MSGS, "max_tokens": 5},
                           stream=True)
    await client._cost.areserve(call)
    final = ChatCompletion.model_validate(usage_body(prompt=10, completion=5))
    client._account(call, final)  # schedules the Redis settlement as a task
    await client.aclose()  # waits for settlements in flight
    assert final.cost is not None
    assert budget.state() == (final.cost.total, Decimal(0))
    abandoned = client._prepare(CHAT_COMPLETIONS, {"model": "gpt-4o", "messages": MSGS, "max_tokens": 5},
                                stream=True)
    await client._cost.areserve(abandoned)
    await client._cost.arelease(abandoned)
    assert budget.state() == (final.cost.total, Decimal(0))
    import redis

    redis.Redis.from_url(url).delete(*budget.keys)
