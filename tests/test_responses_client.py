"""``client.responses`` over the transport seam: the same machinery as chat, sync and async."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import httpx
import pytest
from genai_prices import Usage, calc_price

import gptkit
from gptkit import BudgetExceededError, InvalidParameterError, NotFoundError
from gptkit.testing import FakeOpenAI, Fault, VirtualClock
from gptkit.types.responses import (
    InputTokenCountResponse,
    Response,
    ResponseFunctionToolCall,
    ResponseInputMessageItem,
    ResponseOutputMessage,
    UnknownOutputItem,
)
from tests.helpers import API_KEY, close, invoke
from tests.responses_helpers import response_body


def _client(kind: str, transport: Any, **options: Any) -> Any:
    options.setdefault("api_key", API_KEY)
    if "max_retries" not in options:
        options.setdefault("retry", gptkit.RetryPolicy(max_attempts=3, initial_backoff=0, max_backoff=0))
    cls = gptkit.Client if kind == "sync" else gptkit.AsyncClient
    return cls(transport=transport, **options)


def _price(response: Response) -> Decimal:
    assert response.usage is not None
    u = response.usage
    return calc_price(Usage(input_tokens=u.input_tokens, cache_read_tokens=u.cached_tokens or None,
                            output_tokens=u.output_tokens, output_reasoning_tokens=u.reasoning_tokens or None),
                      model_ref=response.model, provider_id="openai").total_price


async def test_create_answers_with_cost_ledger_and_request_id(kind: str) -> None:
    fake = FakeOpenAI()
    client = _client(kind, fake)
    response = await invoke(client, "responses.create", model="gpt-4o", instructions="Be brief.",
                            input="Tell me a three sentence bedtime story about a unicorn.", tags={"job": "t"})
    assert isinstance(response, Response) and response.status == "completed" and response.problem is None
    assert response.output_text == "Echo: Tell me a three sentence bedtime story about a unicorn."
    assert isinstance(response.output[0], ResponseOutputMessage)
    assert response.request_id is not None and response.request_id.startswith("req_")
    assert response.usage is not None and response.usage.input_tokens > 0 and not response.usage.estimated
    assert response.cost is not None and response.cost.total == _price(response) > 0
    assert client.ledger.calls == 1 and client.ledger.total_cost == response.cost.total
    entry = client.ledger.snapshot()
    assert entry.total.prompt_tokens == response.usage.input_tokens
    assert entry.total.completion_tokens == response.usage.output_tokens
    sent = json.loads(fake.requests[-1].content)
    assert sent == {"model": "gpt-4o", "instructions": "Be brief.",
                    "input": "Tell me a three sentence bedtime story about a unicorn."}
    assert fake.requests[-1].path == "/responses" and fake.requests[-1].method == "POST"
    await close(client)


async def test_cached_and_reasoning_tokens_are_priced_as_genai_prices_prices_them(kind: str) -> None:
    fake = FakeOpenAI()
    client = _client(kind, fake)
    first = await invoke(client, "responses.create", model="o4-mini", input="word " * 1500,
                         reasoning={"effort": "high"})
    second = await invoke(client, "responses.create", model="o4-mini", input="And then?",
                          previous_response_id=first.id, reasoning={"effort": "low"})
    assert first.usage.reasoning_tokens == 1024 and first.usage.cached_tokens == 0
    assert second.usage.reasoning_tokens == 64 and second.usage.cached_tokens >= 1024
    assert second.usage.input_tokens > first.usage.input_tokens  # the first turn is context now
    for response in (first, second):
        assert response.cost.total == _price(response)
    assert client.ledger.calls == 2
    assert client.ledger.snapshot().total.reasoning_tokens == 1024 + 64
    await close(client)


async def test_bad_parameters_raise_before_anything_is_sent(kind: str) -> None:
    fake = FakeOpenAI()
    client = _client(kind, fake)
    with pytest.raises(InvalidParameterError) as info:
        await invoke(client, "responses.create", model="gpt-4o", input=[{"role": "user", "content": [
            {"type": "input_txt", "text": "hi"}, {"type": "input_image"}]}], max_output_tokens=4)
    assert info.value.param == "max_output_tokens"
    with pytest.raises(InvalidParameterError, match="starting_after"):
        await invoke(client, "responses.retrieve", "resp_1", starting_after=3)
    with pytest.raises(InvalidParameterError, match="'response_id' must be a non-empty string"):
        await invoke(client, "responses.retrieve", "")
    with pytest.raises(InvalidParameterError) as info:
        await invoke(client, "responses.input_items.list", "resp_1", limit=500)
    assert info.value.param == "limit"
    assert fake.stats.requests == 0
    await close(client)


async def test_a_503_is_retried_and_a_429_waits(kind: str) -> None:
    fake = FakeOpenAI()
    client = _client(kind, fake)
    fake.inject(Fault.server_error(503), times=1, path="/responses")
    fake.inject(Fault.rate_limit(retry_after=0.5), times=1, path="/responses")
    with VirtualClock() as clock:
        response = await invoke(client, "responses.create", model="gpt-4o", input="hello")
    assert response.output_text == "Echo: hello"
    assert [r.attempt for r in fake.requests] == [1, 2, 3]
    assert fake.stats.statuses[503] == 1 and fake.stats.statuses[429] == 1
    assert clock.sleeps and max(clock.sleeps) >= 0.5  # the server's retry-after was honoured
    assert client.ledger.calls == 1
    await close(client)


async def test_the_rate_limiter_keeps_a_run_under_the_servers_limits(kind: str) -> None:
    fake = FakeOpenAI(rpm=6, tpm=100_000)
    client = _client(kind, fake, rate_limit=gptkit.RateLimit(rpm=6, tpm=100_000))
    with VirtualClock() as clock:
        for i in range(9):
            await invoke(client, "responses.create", model="gpt-4o-mini", input=f"question {i}",
                         max_output_tokens=200)
    assert fake.stats.sent_429 == 0 and fake.stats.requests_admitted == 9
    assert clock.monotonic() - 1_000.0 >= 25  # nine requests at six a minute took their time
    await close(client)
    # The same run without the limiter hits the fake's limit: the zero above is the limiter's doing.
    unlimited = _client(kind, FakeOpenAI(rpm=6, tpm=100_000), max_retries=0, retry=None)
    for i in range(6):
        await invoke(unlimited, "responses.create", model="gpt-4o-mini", input=f"q {i}", max_output_tokens=200)
    with pytest.raises(gptkit.RateLimitError):
        await invoke(unlimited, "responses.create", model="gpt-4o-mini", input="q 6", max_output_tokens=200)
    await close(unlimited)


async def test_the_budget_refuses_before_io(kind: str) -> None:
    fake = FakeOpenAI()
    client = _client(kind, fake, budget=gptkit.Budget(usd="0.001"))
    with pytest.raises(BudgetExceededError):
        await invoke(client, "responses.create", model="gpt-4o", input="write a novel", max_output_tokens=100_000)
    assert fake.stats.requests == 0
    response = await invoke(client, "responses.create", model="gpt-4o", input="hi", max_output_tokens=50)
    assert client.budget is not None and client.budget.spent == response.cost.total
    await close(client)


async def test_events_carry_the_responses_tokens_and_id(kind: str) -> None:
    seen: list[Any] = []
    fake = FakeOpenAI()
    client = _client(kind, fake, listeners=[seen.append])
    response = await invoke(client, "responses.create", model="gpt-4o", input="events please")
    ends = [e for e in seen if type(e).__name__ == "RequestEnd"]
    assert len(ends) == 1
    end = ends[0]
    assert (end.input_tokens, end.output_tokens) == (response.usage.input_tokens, response.usage.output_tokens)
    assert end.response_id == response.id and end.request_id == response.request_id
    assert end.cost is not None and end.cost.total == response.cost.total
    await close(client)


async def test_unknown_output_items_are_kept(kind: str) -> None:
    body = response_body([{"type": "hologram_call", "id": "hg_1", "frames": [{"depth": 3}]},
                          {"type": "message", "id": "m", "status": "completed", "role": "assistant",
                           "content": [{"type": "output_text", "text": "Here.", "annotations": []}]}])
    transport = httpx.MockTransport(lambda request: httpx.Response(200, json=body, headers={"x-request-id": "r1"}))
    client = _client(kind, transport)
    response = await invoke(client, "responses.create", model="gpt-4o", input="show me")
    assert isinstance(response.output[0], UnknownOutputItem) and response.output[0].frames[0].depth == 3
    assert response.output_text == "Here." and response.request_id == "r1"
    await close(client)


async def test_function_calls_and_their_outputs_in_a_chain(kind: str) -> None:
    fake = FakeOpenAI()
    client = _client(kind, fake)
    tools = [{"type": "function", "name": "get_weather", "strict": True,
              "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"],
                             "additionalProperties": False}}]
    fake.respond(tool_calls=[{"name": "get_weather", "arguments": {"city": "Paris"}}])
    first = await invoke(client, "responses.create", model="gpt-4o", input="Weather in Paris?", tools=tools)
    call = first.output[0]
    assert isinstance(call, ResponseFunctionToolCall)
    assert (call.name, json.loads(call.arguments)) == ("get_weather", {"city": "Paris"})
    second = await invoke(client, "responses.create", model="gpt-4o", previous_response_id=first.id, tools=tools,
                          input=[{"type": "function_call_output", "call_id": call.call_id, "output": "21C"}])
    assert second.output_text == "Echo: the result 21C" and second.previous_response_id == first.id
    # Stateless: the first answer's items sent back as input, as the official SDK's users do.
    third = await invoke(client, "responses.create", model="gpt-4o", tools=tools, input=[
        {"role": "user", "content": "Weather in Paris?"}, *first.output,
        {"type": "function_call_output", "call_id": call.call_id, "output": "21C"}])
    assert third.output_text == "Echo: the result 21C"
    assert json.loads(fake.requests[-1].content)["input"][1]["call_id"] == call.call_id
    forced = await invoke(client, "responses.create", model="gpt-4o", input="Anything", tools=tools,
                          tool_choice={"type": "function", "name": "get_weather"})
    assert forced.output[0].name == "get_weather" and "city" in json.loads(forced.output[0].arguments)
    await close(client)


async def test_store_retrieve_items_count_and_delete(kind: str) -> None:
    fake = FakeOpenAI()
    client = _client(kind, fake)
    created = await invoke(client, "responses.create", model="gpt-4o", input=[
        {"role": "developer", "content": "Be kind."}, {"role": "user", "content": "Hi there"}])
    again = await invoke(client, "responses.retrieve", created.id)
    assert again.model_dump() == created.model_dump() and again.cost.total == created.cost.total
    assert client.ledger.calls == 1  # reading it back is not billed again
    page = await invoke(client, "responses.input_items.list", created.id, order="asc")
    items = page.data if hasattr(page, "data") else (await page).data
    assert [type(i) for i in items] == [ResponseInputMessageItem, ResponseInputMessageItem]
    assert [i.role for i in items] == ["developer", "user"] and items[1].content[0].text == "Hi there"
    newest = await invoke(client, "responses.input_items.list", created.id, limit=1)
    newest = newest if hasattr(newest, "data") else await newest
    assert [i.role for i in newest.data] == ["user"] and newest.has_more
    counted = await invoke(client, "responses.input_tokens.count", model="gpt-4o", input="Hi there",
                           instructions="Be kind.")
    assert isinstance(counted, InputTokenCountResponse) and counted.input_tokens > 0
    assert await invoke(client, "responses.delete", created.id) is None
    with pytest.raises(NotFoundError):
        await invoke(client, "responses.retrieve", created.id)
    unstored = await invoke(client, "responses.create", model="gpt-4o", input="forget me", store=False)
    with pytest.raises(gptkit.BadRequestError, match="not found"):
        await invoke(client, "responses.create", model="gpt-4o", input="more", previous_response_id=unstored.id)
    await close(client)


async def test_background_responses_advance_with_the_clock_and_cancel(kind: str) -> None:
    fake = FakeOpenAI(response_time=8)
    client = _client(kind, fake)
    with VirtualClock() as clock:
        queued = await invoke(client, "responses.create", model="gpt-4o", input="slow one", background=True)
        assert (queued.status, queued.output, queued.usage) == ("queued", [], None)
        seen = [queued.status]
        for _ in range(4):
            clock.advance(2.5)
            seen.append((await invoke(client, "responses.retrieve", queued.id)).status)
        done = await invoke(client, "responses.retrieve", queued.id)
        other = await invoke(client, "responses.create", model="gpt-4o", input="never mind", background=True)
        cancelled = await invoke(client, "responses.cancel", other.id)
        plain = await invoke(client, "responses.create", model="gpt-4o", input="quick")
        with pytest.raises(gptkit.BadRequestError, match="background"):
            await invoke(client, "responses.cancel", plain.id)
    assert seen == ["queued", "in_progress", "in_progress", "in_progress", "completed"]
    assert done.output_text == "Echo: slow one" and done.cost is not None and done.cost.total > 0
    assert cancelled.status == "cancelled" and cancelled.problem == "cancelled"
    await close(client)


async def test_raw_responses(kind: str) -> None:
    fake = FakeOpenAI()
    client = _client(kind, fake)
    raw = await invoke(client, "responses.with_raw_response.create", model="gpt-4o", input="raw")
    assert raw.status_code == 200 and raw.headers["x-request-id"].startswith("req_")
    assert raw.parse().output_text == "Echo: raw"
    raw_items = await invoke(client, "responses.with_raw_response.input_items.list", raw.parse().id)
    assert raw_items.status_code == 200 and raw_items.parse().data[0].content[0].text == "raw"
    await close(client)


def test_served_over_a_real_socket() -> None:
    with FakeOpenAI().serve() as server, gptkit.Client(api_key=API_KEY, base_url=server.base_url) as client:
        response = client.responses.create(model="gpt-4o", input="over the wire")
        assert response.output_text == "Echo: over the wire"
        assert client.responses.retrieve(response.id).id == response.id
