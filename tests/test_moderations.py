"""``client.moderations.create``: request shape, typed verdicts, free cost, errors and retries."""

from __future__ import annotations

from decimal import Decimal

import httpx
import pytest

import gptkit
from gptkit.testing import FakeOpenAI
from gptkit.types import Moderation, ModerationCreateResponse
from tests.helpers import Recorder, close, invoke, make_client

VERDICT = {
    "id": "modr-1", "model": "omni-moderation-latest",
    "results": [{
        "flagged": True,
        "categories": {"violence": True, "harassment/threatening": False, "self-harm": False},
        "category_scores": {"violence": 0.91, "harassment/threatening": 0.01, "self-harm": 0.0},
        "category_applied_input_types": {"violence": ["text"]},
        "new_field": 1,
    }],
}


async def test_create_sends_the_input_and_parses_the_verdict(kind: str) -> None:
    recorder = Recorder(httpx.Response(200, json=VERDICT, headers={"x-request-id": "req_m"}))
    client = make_client(kind, recorder)
    result = await invoke(client, "moderations.create", input=["I will attack", "hello"],
                          model="omni-moderation-latest")
    await close(client)
    sent = recorder.requests[0]
    assert (sent.method, sent.url.path) == ("POST", "/v1/moderations")
    assert recorder.json() == {"input": ["I will attack", "hello"], "model": "omni-moderation-latest"}
    assert isinstance(result, ModerationCreateResponse) and result.request_id == "req_m"
    verdict = result.results[0]
    assert isinstance(verdict, Moderation) and verdict.flagged
    assert verdict.categories is not None and verdict.categories.violence is True
    assert verdict.categories.harassment_threatening is False
    assert verdict.category_scores is not None and verdict.category_scores.violence == 0.91
    assert verdict.new_field == 1  # unknown fields are kept
    assert result.cost is not None and result.cost.total == Decimal(0) and result.cost.price_source == "free"


async def test_free_calls_reach_the_ledger_and_reserve_nothing(kind: str) -> None:
    fake = FakeOpenAI()
    budget = gptkit.Budget(usd="0.01")
    client = (fake.client if kind == "sync" else fake.async_client)(budget=budget)
    result = await invoke(client, "moderations.create",
                          input=[{"type": "text", "text": "you idiot"},
                                 {"type": "image_url", "image_url": {"url": "https://x/y.png"}}])
    await close(client)
    assert [r.flagged for r in result.results] == [True, False]
    assert result.results[1].category_applied_input_types.violence == ["image"]
    assert client.ledger.calls == 1 and client.ledger.total_cost == Decimal(0)
    assert budget.spent == Decimal(0) and budget.reserved == Decimal(0)


async def test_bad_input_is_refused_before_sending(kind: str) -> None:
    recorder = Recorder()
    client = make_client(kind, recorder)
    with pytest.raises(gptkit.InvalidParameterError) as info:
        await invoke(client, "moderations.create", input=[])
    with pytest.raises(gptkit.InvalidParameterError) as extra:
        await invoke(client, "moderations.create", input="x", temperature=1)
    await close(client)
    assert info.value.param == "input" and extra.value.param == "temperature" and recorder.requests == []


async def test_server_errors_are_retried_and_4xx_are_typed(kind: str) -> None:
    fake = FakeOpenAI()
    fake.inject("server_error", status=503, times=2, path="/moderations")
    client = (fake.client if kind == "sync" else fake.async_client)(retry=gptkit.RetryPolicy(zero_waits=True))
    result = await invoke(client, "moderations.create", input="hello")
    fake.route("POST", "/moderations",
               lambda request, params: (400, {"error": {"message": "bad", "type": "invalid_request_error"}}))
    with pytest.raises(gptkit.BadRequestError):
        await invoke(client, "moderations.create", input="hello")
    await close(client)
    assert not result.results[0].flagged
    assert fake.stats.statuses[503] == 2 and fake.stats.by_path["/moderations"] == 4
