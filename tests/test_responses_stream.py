"""``responses.create(stream=True)`` over the transport seam, sync and async: typed events, the
final ``Response`` equal to the plain one, cost and ledger once, and every way a stream breaks."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

import gptkit
from gptkit import ResponseFailedError, StreamInterruptedError
from gptkit.testing import FakeOpenAI, Fault, VirtualClock
from gptkit.testing._fake_responses_body import response_events
from gptkit.types.responses import (
    Response,
    ResponseCompletedEvent,
    ResponseCreatedEvent,
    ResponseErrorEvent,
    ResponseTextDeltaEvent,
    UnknownStreamEvent,
)
from tests.helpers import API_KEY, close, invoke
from tests.responses_helpers import response_body, sse, text_stream_events
from tests.streams import SSE_HEADERS, ScriptedBody

PROMPT = "one two three four five six seven eight"


def _client(kind: str, transport: Any, **options: Any) -> Any:
    options.setdefault("api_key", API_KEY)
    options.setdefault("retry", gptkit.RetryPolicy(max_attempts=3, initial_backoff=0, max_backoff=0))
    cls = gptkit.Client if kind == "sync" else gptkit.AsyncClient
    return cls(transport=transport, **options)


async def drain(stream: Any, into: list[Any] | None = None) -> list[Any]:
    """Every event of a sync or async stream (appended to ``into`` as they come, if given)."""
    seen = into if into is not None else []
    if isinstance(stream, gptkit.AsyncStream):
        async for event in stream:
            seen.append(event)
    else:
        for event in stream:
            seen.append(event)
    return seen


async def final_of(stream: Any) -> Response:
    result = stream.get_final_response()
    return await result if isinstance(stream, gptkit.AsyncStream) else result


def _no_ids(value: Any) -> Any:
    """A dump without ids (the fake numbers each call's response and items differently)."""
    if isinstance(value, dict):
        return {k: _no_ids(v) for k, v in value.items() if k not in ("id", "created_at", "completed_at")}
    if isinstance(value, list):
        return [_no_ids(v) for v in value]
    return value


def _mock(*bodies: bytes | list[bytes | Exception], plain: dict[str, Any] | None = None) -> httpx.MockTransport:
    """Answers POST /responses with each stream body in turn (or ``plain`` when not streaming)."""
    queue = list(bodies)

    def handle(request: httpx.Request) -> httpx.Response:
        if plain is not None and not json.loads(request.content).get("stream"):
            return httpx.Response(200, json=plain, headers={"x-request-id": SSE_HEADERS["x-request-id"]})
        body = queue.pop(0)
        parts = body if isinstance(body, list) else [body]
        return httpx.Response(200, headers=SSE_HEADERS, stream=ScriptedBody(*parts))

    return httpx.MockTransport(handle)


async def test_stream_of_typed_events_ends_in_the_plain_response(kind: str) -> None:
    fake = FakeOpenAI()
    client = _client(kind, fake)
    plain = await invoke(client, "responses.create", model="gpt-4o", input=PROMPT)
    stream = await invoke(client, "responses.create", model="gpt-4o", input=PROMPT, stream=True)
    assert isinstance(stream, gptkit.AsyncStream if kind == "async" else gptkit.Stream)
    events = await drain(stream)
    assert isinstance(events[0], ResponseCreatedEvent) and isinstance(events[-1], ResponseCompletedEvent)
    assert [e.sequence_number for e in events] == list(range(len(events)))
    deltas = [e for e in events if isinstance(e, ResponseTextDeltaEvent)]
    assert len(deltas) > 3 and "".join(d.delta for d in deltas) == plain.output_text
    final = await final_of(stream)
    assert final.status == "completed" and final.output_text == plain.output_text == f"Echo: {PROMPT}"
    assert _no_ids(final.model_dump()) == _no_ids(plain.model_dump())
    assert final.usage == plain.usage and not final.usage.estimated
    assert final.cost is not None and final.cost == plain.cost and stream.cost == final.cost
    assert final.request_id == stream.request_id and final.request_id.startswith("req_")
    assert client.ledger.calls == 2 and client.ledger.total_cost == 2 * plain.cost.total
    sent = json.loads(fake.requests[-1].content)
    assert sent == {"model": "gpt-4o", "input": PROMPT, "stream": True}  # no chat-only stream_options
    await close(client)


async def test_streamed_and_plain_bodies_of_one_answer_are_equal_objects(kind: str) -> None:
    body = response_body(usage={"input_tokens": 20, "input_tokens_details": {"cached_tokens": 0},
                                "output_tokens": 12, "output_tokens_details": {"reasoning_tokens": 4},
                                "total_tokens": 32})
    client = _client(kind, _mock(sse(response_events(body)), plain=body))
    plain = await invoke(client, "responses.create", model="gpt-4o", input="hi")
    stream = await invoke(client, "responses.create", model="gpt-4o", input="hi", stream=True)
    final = await final_of(stream)
    assert final == plain and final.output_text == "In a peaceful grove..."
    assert final.cost == plain.cost and final.cost is not None and final.cost.total > 0
    assert client.ledger.calls == 2
    await close(client)


async def test_unknown_event_types_are_kept(kind: str) -> None:
    events = text_stream_events(["Hel", "lo"])
    events.insert(3, {"type": "response.brand_new.thing", "sequence_number": 0, "payload": {"x": 1}})
    for number, event in enumerate(events):
        event["sequence_number"] = number
    client = _client(kind, _mock(sse(events)))
    stream = await invoke(client, "responses.create", model="gpt-4o", input="hi", stream=True)
    got = await drain(stream)
    unknown = got[3]
    assert isinstance(unknown, UnknownStreamEvent) and unknown.type == "response.brand_new.thing"
    assert unknown.payload == {"x": 1}
    assert (await final_of(stream)).output_text == "Hello"
    await close(client)


@pytest.mark.parametrize("fault", [Fault.reset(after_chunks=7), Fault.truncate(after_chunks=7)])
async def test_a_cut_stream_is_a_typed_error_with_what_arrived(kind: str, fault: Fault) -> None:
    fake = FakeOpenAI()
    fake.inject(fault, path="/responses")
    client = _client(kind, fake)
    stream = await invoke(client, "responses.create", model="gpt-4o", input=PROMPT, stream=True)
    seen: list[Any] = []
    with pytest.raises(StreamInterruptedError) as info:
        await drain(stream, seen)
    error = info.value
    assert len(seen) == len(error.received) == 7
    assert isinstance(error.partial, Response) and error.partial.status == "in_progress"
    assert error.partial.output_text == "Echo: one two"
    assert fake.stats.requests == 1  # a stream that reached the caller is never sent again
    assert client.ledger.calls == 1  # what was generated is billed (estimated), once
    await close(client)


async def test_an_error_event_is_shown_then_raised(kind: str) -> None:
    fake = FakeOpenAI()
    fake.inject(Fault.error_event(after_chunks=6), path="/responses")
    client = _client(kind, fake)
    stream = await invoke(client, "responses.create", model="gpt-4o", input=PROMPT, stream=True)
    seen: list[Any] = []
    with pytest.raises(ResponseFailedError, match="mid-stream") as info:
        await drain(stream, seen)
    assert isinstance(seen[-1], ResponseErrorEvent) and len(seen) == 7
    error = info.value
    assert error.code == "server_error" and error.received == seen
    assert error.partial.output_text == "Echo: one"
    assert client.ledger.calls == 1 and fake.stats.requests == 1
    await close(client)


async def test_response_failed_is_accounted_then_raised(kind: str) -> None:
    failed = response_body([], status="failed", error={"code": "server_error", "message": "The model broke."})
    client = _client(kind, _mock(sse(response_events(failed))))
    stream = await invoke(client, "responses.create", model="gpt-4o", input="hi", stream=True)
    with pytest.raises(ResponseFailedError, match="The model broke") as info:
        await final_of(stream)
    error = info.value
    assert error.response.status == "failed" and error.response.error.code == "server_error"
    assert error.code == "server_error" and error.received[-1].type == "response.failed"
    assert error.response.cost is not None and client.ledger.calls == 1  # billed for its usage
    await close(client)


async def test_503_before_the_first_event_is_retried(kind: str) -> None:
    fake = FakeOpenAI()
    fake.inject(Fault.server_error(503), times=1, path="/responses")
    client = _client(kind, fake)
    stream = await invoke(client, "responses.create", model="gpt-4o", input="hi", stream=True)
    assert (await final_of(stream)).output_text == "Echo: hi"
    assert fake.stats.requests == 2 and client.ledger.calls == 1
    await close(client)


async def test_stream_settles_the_rate_limiter_and_budget(kind: str) -> None:
    tpm = 100_000
    with VirtualClock():  # frozen: the token bucket does not refill while the test reads it
        fake = FakeOpenAI()
        limiter = gptkit.RateLimiter(gptkit.RateLimit(rpm=100, tpm=tpm, max_concurrency=1, refund=True,
                                                      window=1.0, jitter=0.0))
        budget = gptkit.Budget(usd="1.00")
        client = _client(kind, fake, rate_limit=limiter, budget=budget)

        def tokens_used() -> float:
            available = limiter.stats().scopes["gpt-4o"]["tokens_available"]
            return tpm / 60.0 - available

        stream = await invoke(client, "responses.create", model="gpt-4o", input=PROMPT, max_output_tokens=500,
                              stream=True)
        assert limiter.stats().in_flight == 1 and budget.reserved > 0  # held while the stream runs
        assert tokens_used() > 500  # the estimate: input plus max_output_tokens
        final = await final_of(stream)
        assert limiter.stats().in_flight == 0 and budget.reserved == 0
        assert final.cost is not None and budget.spent == final.cost.total
        assert final.usage is not None and tokens_used() == pytest.approx(final.usage.total_tokens)
        await close(client)


async def test_listeners_see_one_streamed_call(kind: str) -> None:
    seen: list[Any] = []
    client = _client(kind, FakeOpenAI(), listeners=[seen.append])
    stream = await invoke(client, "responses.create", model="gpt-4o", input="hi", stream=True)
    final = await final_of(stream)
    names = [type(e).__name__ for e in seen]
    assert names == ["RequestStart", "ResponseHeaders", "FirstChunk", "RequestEnd"]
    start, end = seen[0], seen[-1]
    assert start.stream is True and start.path == "/responses"
    assert end.cost == final.cost and end.response_id == final.id and end.abandoned is False
    await close(client)


@pytest.mark.parametrize("fault", [Fault.reset(after_chunks=6), Fault.truncate(after_chunks=6)])
async def test_a_cut_background_stream_resumes_after_its_last_event(kind: str, fault: Fault) -> None:
    fake = FakeOpenAI(response_time=None)
    reference = FakeOpenAI(response_time=None)
    whole = await drain(await invoke(_client(kind, reference), "responses.create", model="gpt-4o", input=PROMPT,
                                     background=True, stream=True))
    fake.inject(fault, times=1, path="/responses")
    client = _client(kind, fake)
    stream = await invoke(client, "responses.create", model="gpt-4o", input=PROMPT, background=True, stream=True)
    events = await drain(stream)
    # Every event exactly once, in order, as an unbroken stream delivers them.
    assert [e.sequence_number for e in events] == list(range(len(whole)))
    assert [e.type for e in events] == [e.type for e in whole]
    final = await final_of(stream)
    assert final.status == "completed" and final.output_text == f"Echo: {PROMPT}"
    resumed = fake.requests[-1]
    assert [r.method for r in fake.requests] == ["POST", "GET"]  # generated once, read twice
    assert resumed.path == f"/responses/{final.id}"
    assert dict(resumed.query) == {"stream": "true", "starting_after": "5"}
    assert client.ledger.calls == 1 and final.cost is not None and client.ledger.total_cost == final.cost.total
    await close(client)


async def test_a_cut_stream_of_a_foreground_response_is_not_resumed(kind: str) -> None:
    fake = FakeOpenAI()
    fake.inject(Fault.reset(after_chunks=6), path="/responses")
    client = _client(kind, fake)
    stream = await invoke(client, "responses.create", model="gpt-4o", input=PROMPT, stream=True)
    with pytest.raises(StreamInterruptedError):
        await drain(stream)
    assert fake.stats.requests == 1
    await close(client)


async def test_resuming_gives_up_when_the_server_cannot_replay(kind: str) -> None:
    fake = FakeOpenAI(response_time=None)
    fake.inject(Fault.reset(after_chunks=6), times=1, path="/responses")
    fake.inject(Fault.server_error(500), when=lambda r: r.method == "GET")
    client = _client(kind, fake)
    stream = await invoke(client, "responses.create", model="gpt-4o", input=PROMPT, background=True, stream=True)
    with pytest.raises(StreamInterruptedError) as info:
        await drain(stream)
    assert len(info.value.received) == 6
    assert [r.method for r in fake.requests] == ["POST", "GET", "GET", "GET"]  # the retry policy's 3 tries
    assert client.ledger.calls == 1
    await close(client)


async def test_a_background_stream_cut_over_a_socket_resumes(kind: str) -> None:
    fake = FakeOpenAI(response_time=None, chunk_delay=0.001)
    fake.inject(Fault.reset(after_chunks=8), times=1, path="/responses")
    with fake.serve() as server:
        client = _client(kind, None, base_url=server.base_url)
        stream = await invoke(client, "responses.create", model="gpt-4o", input=PROMPT, background=True,
                              stream=True)
        events = await drain(stream)
        final = await final_of(stream)
        await close(client)
    assert [e.sequence_number for e in events] == list(range(len(events))) and len(events) > 12
    assert events[-1].type == "response.completed" and final.output_text == f"Echo: {PROMPT}"
    assert [(r.method, r.query.get("starting_after")) for r in fake.requests] == [("POST", None), ("GET", "7")]
    assert client.ledger.calls == 1
