"""Budgets: the worst case is reserved before sending, refused calls send nothing, never overshoot."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from decimal import Decimal

import httpx
import pytest

import gptkit
from gptkit._tokens import upper_bound_prompt_tokens
from tests.cost_helpers import MTOK, db_prices, ok, usage_body
from tests.helpers import API_KEY, Recorder, close, invoke, make_client

MSGS = [{"role": "user", "content": "x" * 40}]


def _worst_case_answer(request: httpx.Request) -> httpx.Response:
    """Answer with exactly the worst case the request allows: the prompt bound and max_tokens."""
    body = json.loads(request.content)
    return ok(usage_body(prompt=upper_bound_prompt_tokens(body), completion=body["max_tokens"]))


def _per_call_cost(max_tokens: int = 10) -> Decimal:
    price = db_prices("gpt-4o")
    prompt = upper_bound_prompt_tokens({"model": "gpt-4o", "messages": MSGS})
    return (prompt * price.input_mtok + max_tokens * price.output_mtok) / MTOK


async def test_refused_before_anything_is_sent(kind: str) -> None:
    rec = Recorder(_worst_case_answer)
    per_call = _per_call_cost()
    budget = gptkit.Budget(usd=per_call * 2 - Decimal("0.000001"))
    client = make_client(kind, rec, budget=budget)
    await invoke(client, "chat.completions.create", model="gpt-4o", messages=MSGS, max_tokens=10)
    with pytest.raises(gptkit.BudgetExceededError) as info:
        await invoke(client, "chat.completions.create", model="gpt-4o", messages=MSGS, max_tokens=10)
    assert len(rec.requests) == 1
    err = info.value
    assert err.needed == per_call and err.limit == budget.limit
    assert err.remaining == budget.limit - per_call
    assert "Nothing was sent" in str(err)
    assert budget.spent == per_call and budget.reserved == 0
    await close(client)


async def test_default_output_limit_is_the_models_ceiling(kind: str) -> None:
    rec = Recorder(_worst_case_answer)
    client = make_client(kind, rec, budget=gptkit.Budget(usd="0.01"))
    with pytest.raises(gptkit.BudgetExceededError) as info:
        await invoke(client, "chat.completions.create", model="gpt-4o", messages=MSGS)
    price = db_prices("gpt-4o")
    prompt = upper_bound_prompt_tokens({"messages": MSGS})
    assert info.value.needed == (prompt * price.input_mtok + 16_384 * price.output_mtok) / MTOK
    with pytest.raises(gptkit.BudgetExceededError) as info:  # n multiplies the output
        await invoke(client, "chat.completions.create", model="gpt-4o", messages=MSGS, max_tokens=500, n=3)
    assert info.value.needed == (prompt * price.input_mtok + 1_500 * price.output_mtok) / MTOK
    assert rec.requests == []
    await close(client)


async def test_failed_calls_release_and_unreadable_answers_charge(kind: str) -> None:
    rec = Recorder(httpx.Response(500, json={"error": {"message": "boom"}}),
                   httpx.Response(200, content=b"not json"))
    budget = gptkit.Budget(usd="1")
    client = make_client(kind, rec, budget=budget, max_retries=0)
    with pytest.raises(gptkit.InternalServerError):
        await invoke(client, "chat.completions.create", model="gpt-4o", messages=MSGS, max_tokens=10)
    assert budget.spent == 0 and budget.reserved == 0
    with pytest.raises(gptkit.APIResponseValidationError):
        await invoke(client, "chat.completions.create", model="gpt-4o", messages=MSGS, max_tokens=10)
    # A 200 was billed for an amount we cannot read: the whole worst case is charged.
    assert budget.spent == _per_call_cost() and budget.reserved == 0
    await close(client)


async def test_unknown_price_refused_unless_allowed(kind: str) -> None:
    model = f"house-model-{kind}"  # one warning per model and process: a name per run
    rec = Recorder(ok(usage_body(model=model)))
    client = make_client(kind, rec, budget=gptkit.Budget(usd="1"))
    with pytest.raises(gptkit.UnknownPriceError, match=model) as info:
        await invoke(client, "chat.completions.create", model=model, messages=MSGS)
    assert info.value.model == model and rec.requests == []
    lenient = gptkit.Budget(usd="1", allow_unpriced=True)
    relaxed = client.with_options(budget=lenient)
    with pytest.warns(gptkit.UnknownPriceWarning):
        resp = await invoke(relaxed, "chat.completions.create", model=model, messages=MSGS)
    assert resp.cost is None and lenient.spent == 0 and len(rec.requests) == 1
    unbudgeted = client.with_options(budget=None)
    await invoke(unbudgeted, "chat.completions.create", model=model, messages=MSGS)
    assert len(rec.requests) == 2
    await close(client)


async def test_200_concurrent_async_calls_never_overshoot() -> None:
    sent: list[httpx.Request] = []

    async def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        await asyncio.sleep(0.005)  # keep many calls in flight at once
        return _worst_case_answer(request)

    per_call = _per_call_cost()
    budget = gptkit.Budget(usd=per_call * 50 + per_call / 2)
    client = gptkit.AsyncClient(api_key=API_KEY, transport=httpx.MockTransport(handler), budget=budget)

    async def one() -> bool:
        try:
            await client.chat.completions.create(model="gpt-4o", messages=MSGS, max_tokens=10)
        except gptkit.BudgetExceededError:
            return False
        return True

    outcomes = await asyncio.gather(*[one() for _ in range(200)])
    assert sum(outcomes) == 50 == len(sent)  # the 150 refused calls sent nothing
    assert budget.spent == 50 * per_call <= budget.limit
    assert client.ledger.total_cost == budget.spent and budget.reserved == 0
    await client.aclose()


def test_threads_with_the_sync_client_never_overshoot() -> None:
    sent: list[httpx.Request] = []
    lock = threading.Lock()

    def handler(request: httpx.Request) -> httpx.Response:
        with lock:
            sent.append(request)
        time.sleep(0.002)
        return _worst_case_answer(request)

    per_call = _per_call_cost()
    budget = gptkit.Budget(usd=per_call * 50 + per_call / 2)
    client = gptkit.Client(api_key=API_KEY, transport=httpx.MockTransport(handler), budget=budget)
    done: list[bool] = []

    def worker() -> None:
        for _ in range(25):
            try:
                client.chat.completions.create(model="gpt-4o", messages=MSGS, max_tokens=10)
            except gptkit.BudgetExceededError:
                done.append(False)
            else:
                done.append(True)

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(done) == 200 and sum(done) == 50 == len(sent)
    assert budget.spent == 50 * per_call <= budget.limit and budget.reserved == 0
    client.close()


async def test_budget_shared_by_a_sync_and_an_async_client() -> None:
    rec = Recorder(_worst_case_answer)
    per_call = _per_call_cost()
    budget = gptkit.Budget(usd=per_call * 2)
    sync = make_client("sync", rec, budget=budget)
    other = make_client("async", rec, budget=budget)
    await invoke(sync, "chat.completions.create", model="gpt-4o", messages=MSGS, max_tokens=10)
    await invoke(other, "chat.completions.create", model="gpt-4o", messages=MSGS, max_tokens=10)
    with pytest.raises(gptkit.BudgetExceededError):
        await invoke(other, "chat.completions.create", model="gpt-4o", messages=MSGS, max_tokens=10)
    assert budget.spent == budget.limit and budget.remaining == 0 and len(rec.requests) == 2
    await close(sync)
    await close(other)


def test_settlement_charges_the_real_cost_not_the_worst_case() -> None:
    rec = Recorder(ok(usage_body(prompt=5, completion=1)))
    budget = gptkit.Budget(usd="1")
    client = make_client("sync", rec, budget=budget)
    resp = client.chat.completions.create(model="gpt-4o", messages=MSGS)  # reserves 16k output tokens
    assert budget.spent == resp.cost.total and budget.reserved == 0
    assert budget.remaining == Decimal(1) - resp.cost.total
    client.close()


def test_budget_rejects_bad_amounts_and_other_objects() -> None:
    with pytest.raises(ValueError, match="usd"):
        gptkit.Budget(usd="-5")
    with pytest.raises(TypeError, match="budget must be"):
        gptkit.Client(api_key="k", budget="5.00")  # type: ignore[arg-type]
    assert gptkit.Budget(usd=5.1).limit == Decimal("5.1")


def test_reservation_settles_once() -> None:
    budget = gptkit.Budget(usd="1")
    hold = budget.reserve(Decimal("0.4"))
    budget.settle(hold, Decimal("0.1"))
    budget.settle(hold, Decimal("0.3"))
    budget.release(hold)
    assert budget.spent == Decimal("0.1") and budget.reserved == 0
    other = budget.reserve(Decimal("0.9"))
    budget.release(other)
    assert budget.remaining == Decimal("0.9")


def test_release_hook_for_abandoned_streams() -> None:
    # The streaming layer calls client._cost.release(call) when a stream is dropped before its end.
    rec = Recorder(_worst_case_answer)
    budget = gptkit.Budget(usd="1")
    client = make_client("sync", rec, budget=budget)
    from gptkit.resources.chat import CHAT_COMPLETIONS

    call = client._prepare(CHAT_COMPLETIONS, {"model": "gpt-4o", "messages": MSGS, "max_tokens": 10},
                           stream=True)
    client._cost.reserve(call)
    assert budget.reserved == _per_call_cost()
    client._cost.release(call)
    client._cost.release(call)
    assert budget.reserved == 0 and budget.spent == 0
    client.close()
