"""A worker process for the shared Redis budget test: its own client over a MockTransport."""

from __future__ import annotations

import asyncio
import json
from decimal import Decimal
from typing import Any

import httpx

import gptkit
from gptkit._tokens import upper_bound_prompt_tokens
from tests.cost_helpers import ok, usage_body

MSGS = [{"role": "user", "content": "x" * 40}]


def _answer(request: httpx.Request) -> httpx.Response:
    body = json.loads(request.content)
    return ok(usage_body(prompt=upper_bound_prompt_tokens(body), completion=body["max_tokens"]))


def run(url: str, name: str, limit: str, calls: int, use_async: bool, barrier: Any) -> tuple[int, int, str]:
    """Make ``calls`` calls; returns (successes, requests sent, sum of their costs)."""
    barrier.wait(timeout=30)  # all four start spending at once
    sent: list[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(1)
        return _answer(request)

    budget = gptkit.RedisBudget(url, name=name, usd=limit)
    costs: list[Decimal] = []
    if use_async:
        async def main() -> None:
            client = gptkit.AsyncClient(api_key="sk-worker", transport=httpx.MockTransport(handler),
                                        budget=budget)

            async def one() -> None:
                try:
                    resp = await client.chat.completions.create(model="gpt-4o", messages=MSGS, max_tokens=10)
                except gptkit.BudgetExceededError:
                    return
                costs.append(resp.cost.total)

            await asyncio.gather(*[one() for _ in range(calls)])
            await client.aclose()

        asyncio.run(main())
    else:
        client = gptkit.Client(api_key="sk-worker", transport=httpx.MockTransport(handler), budget=budget)
        for _ in range(calls):
            try:
                resp = client.chat.completions.create(model="gpt-4o", messages=MSGS, max_tokens=10)
            except gptkit.BudgetExceededError:
                continue
            costs.append(resp.cost.total)
        client.close()
    return len(costs), len(sent), str(sum(costs, Decimal(0)))
