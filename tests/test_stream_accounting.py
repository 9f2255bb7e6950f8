"""Streams and money: a completed stream is priced like the same answer unstreamed; a stream cut
short after reaching the caller is billed for its partial answer (estimated); a budget's hold is
settled either way."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import httpx

import gptkit

from .helpers import Recorder, chat_body, close, invoke, make_client
from .streams import chunked, sse
from .test_streaming import HELLO, MSGS, chunk, consume, create_stream, final_of, serve


async def _aclose_stream(stream: Any) -> None:
    if isinstance(stream, gptkit.AsyncStream):
        await stream.aclose()
    else:
        stream.close()


async def test_completed_stream_costs_what_the_plain_call_costs(kind: str) -> None:
    rec = Recorder(serve(sse(*HELLO)), httpx.Response(200, json=chat_body("Hello", prompt=5, completion=2)))
    budget = gptkit.Budget(usd="1")
    client = make_client(kind, rec, budget=budget)
    stream = await create_stream(client)
    await consume(stream)
    streamed = await final_of(stream)
    rec.script = [httpx.Response(200, json=chat_body("Hello", prompt=5, completion=2))]
    plain = await invoke(client, "chat.completions.create", model="gpt-4o", messages=MSGS)
    assert streamed.cost is not None and plain.cost is not None
    assert streamed.cost.total == plain.cost.total
    assert stream.cost == streamed.cost
    assert budget.spent == streamed.cost.total + plain.cost.total
    assert budget.reserved == Decimal(0)
    assert client.ledger.snapshot().total.calls == 2
    await close(client)


async def test_stream_without_usage_gets_an_estimated_cost(kind: str) -> None:
    rec = Recorder(serve(sse(chunk("Hello there"), chunk(finish="stop"))))  # ignores stream_options
    client = make_client(kind, rec)
    stream = await create_stream(client)
    await consume(stream)
    final = await final_of(stream)
    assert final.usage is not None and final.usage.estimated
    assert final.usage.completion_tokens > 0 and final.usage.prompt_tokens > 0
    assert final.cost is not None and final.cost.estimated
    await close(client)


async def test_abandoned_stream_bills_its_partial_answer_and_frees_the_hold(kind: str) -> None:
    many = [chunk("word ") for _ in range(50)]
    rec = Recorder(serve(*chunked(sse(*many, chunk(finish="stop")), 64)))  # a read per event or so
    budget = gptkit.Budget(usd="1")
    client = make_client(kind, rec, budget=budget)
    stream = await create_stream(client, max_tokens=500)
    assert budget.reserved > 0  # held while the stream is open
    first = await stream.__anext__() if isinstance(stream, gptkit.AsyncStream) else next(stream)
    assert first.choices[0].delta.content == "word "
    await _aclose_stream(stream)
    assert budget.reserved == Decimal(0)
    snapshot = client.ledger.snapshot()
    assert snapshot.total.calls == 1
    assert snapshot.total.completion_tokens > 0
    assert 0 < budget.spent < Decimal("0.01")
    await close(client)


async def test_stream_failing_before_first_event_keeps_its_hold_for_the_retry(kind: str) -> None:
    from gptkit.testing import VirtualClock

    rec = Recorder(httpx.Response(503, json={"error": {"message": "busy"}}), serve(sse(*HELLO)))
    budget = gptkit.Budget(usd="1")
    client = make_client(kind, rec, budget=budget, retry=gptkit.RetryPolicy(max_attempts=2))
    with VirtualClock():
        stream = await create_stream(client)
        await consume(stream)
    final = await final_of(stream)
    assert final.choices[0].message.content == "Hello"
    assert budget.reserved == Decimal(0)
    assert budget.spent == final.cost.total
    assert client.ledger.snapshot().total.calls == 1
    await close(client)
