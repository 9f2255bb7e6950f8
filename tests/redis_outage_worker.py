"""A worker process for the Redis outage test: one client sharing a RedisBudget and a rate limit
through Redis, calling until the budget is spent, through an outage; it reports what it saw."""

from __future__ import annotations

import asyncio
import time
from decimal import Decimal
from typing import Any

import httpx

import gptkit
from tests.cost_helpers import ok, usage_body

MSGS = [{"role": "user", "content": "x" * 40}]


class _Server:
    """Answers after 40 ms; the third request after ``slow`` s (at the server when Redis goes)."""

    def __init__(self, slow: float) -> None:
        self.slow = slow
        self.seen = 0

    def _delay(self) -> float:
        self.seen += 1
        return self.slow if self.seen == 3 and self.slow else 0.04

    def __call__(self, request: httpx.Request) -> httpx.Response:
        time.sleep(self._delay())
        return ok(usage_body(prompt=30, completion=10))

    async def answer(self, request: httpx.Request) -> httpx.Response:
        await asyncio.sleep(self._delay())
        return ok(usage_body(prompt=30, completion=10))


def _options(url: str, name: str, limit: str) -> dict[str, Any]:
    fast = {"reconnect": 0.5, "timeout": 0.5}  # refuse soon while Redis is away (typed errors)
    return {
        "api_key": "sk-worker", "max_retries": 0,
        "budget": gptkit.RedisBudget(url, name=name, usd=limit, **fast),
        "rate_limit": gptkit.RateLimit(rpm=1200, window=1.0, backend=gptkit.RedisBackend(
            url, prefix=f"{name}:ratelimit", **fast)),
    }


class _Tally:
    def __init__(self) -> None:
        self.costs: list[Decimal] = []
        self.raised: list[str] = []
        self.owed = Decimal(0)  # the most this process had to keep for Redis at once

    def failed(self, exc: BaseException) -> None:
        self.raised.append(f"{type(exc).__module__}.{type(exc).__qualname__}")

    def report(self) -> dict[str, Any]:
        return {"costs": [str(c) for c in self.costs], "raised": self.raised, "owed": str(self.owed)}

    def succeeded(self, cost: Decimal, budget: Any) -> None:
        self.costs.append(cost)
        self.owed = max(self.owed, budget.unsettled)


def run(url: str, name: str, limit: str, calls: int, use_async: bool, slow: float, barrier: Any) -> dict[str, Any]:
    """Call until the budget refuses (or ``calls`` tries); what succeeded, what was raised.

    The first call (imports, the price database, Redis connections: seconds on a busy machine)
    is made before ``barrier``, so every process is in full swing when the test takes Redis away.
    """
    tally = _Tally()
    if use_async:
        asyncio.run(_arun(url, name, limit, calls, slow, barrier, tally))
        return tally.report()
    client = gptkit.Client(transport=httpx.MockTransport(_Server(slow)), **_options(url, name, limit))
    for index in range(calls):
        if index == 1:
            barrier.wait(timeout=60)
        try:
            resp = client.chat.completions.create(model="gpt-4o", messages=MSGS, max_tokens=10)
        except gptkit.BudgetExceededError:
            break
        except BaseException as exc:
            tally.failed(exc)
            time.sleep(0.1)
            continue
        tally.succeeded(resp.cost.total, client.budget)
    client.close()
    return tally.report()


async def _arun(url: str, name: str, limit: str, calls: int, slow: float, barrier: Any, tally: _Tally) -> None:
    client = gptkit.AsyncClient(transport=httpx.MockTransport(_Server(slow).answer), **_options(url, name, limit))
    for index in range(calls):
        if index == 1:
            await asyncio.to_thread(barrier.wait, 60)
        try:
            resp = await client.chat.completions.create(model="gpt-4o", messages=MSGS, max_tokens=10)
        except gptkit.BudgetExceededError:
            break
        except BaseException as exc:
            tally.failed(exc)
            await asyncio.sleep(0.1)
            continue
        tally.succeeded(resp.cost.total, client.budget)
    await client.aclose()
