"""The exact sequence and content of the events of one call, sync and async, on a virtual clock."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import httpx
import pytest

import gptkit
from gptkit.resources.chat import CHAT_COMPLETIONS
from gptkit.testing import VirtualClock

from .helpers import Recorder, close, invoke
from .observe_helpers import (
    EVENT_GAP,
    LATENCY,
    Collector,
    client_of,
    stream_parts,
    streamed,
    timed,
    top_jitter,
)

MSGS = [{"role": "user", "content": "hi"}]
CALL = {"model": "gpt-4o", "messages": MSGS, "temperature": 0.2, "max_tokens": 5, "tags": {"route": "/ask"}}


async def _call(client: Any, **extra: Any) -> Any:
    return await invoke(client, "chat.completions.create", **{**CALL, **extra})


async def test_plain_call(kind: str) -> None:
    seen = Collector()
    client = client_of(kind, Recorder(timed()), listeners=[seen])
    with VirtualClock():
        result = await _call(client)
    await close(client)
    assert seen.kinds() == [("RequestStart", 1), ("ResponseHeaders", 1), ("RequestEnd", 1)]
    start, headers, end = seen.events
    assert isinstance(start, gptkit.RequestStart)
    assert (start.method, start.path, start.model, start.elapsed) == ("POST", "/chat/completions", "gpt-4o", 0.0)
    assert dict(start.tags) == {"route": "/ask"}
    assert (start.operation, start.stream, start.provider) == ("chat", False, "openai")
    assert (start.server_address, start.server_port) == ("api.openai.com", 443)
    assert dict(start.params) == {"temperature": 0.2, "max_tokens": 5}
    assert isinstance(headers, gptkit.ResponseHeaders)
    assert (headers.status, headers.request_id, headers.time_to_headers, headers.elapsed) == (200, "req_1", LATENCY, LATENCY)
    # Only the allow-listed response headers; never cookies or organisation ids.
    assert dict(headers.headers) == {"x-request-id": "req_1", "openai-processing-ms": "240",
                                     "x-ratelimit-remaining-requests": "99", "retry-after-ms": "0"}
    assert isinstance(end, gptkit.RequestEnd)
    assert (end.status, end.request_id, end.response_id, end.response_model) == (200, "req_1", "chatcmpl-1", "gpt-4o")
    assert end.finish_reasons == ("stop",)
    assert (end.input_tokens, end.output_tokens, end.usage) == (9, 3, result.usage)
    assert end.cost is not None and end.cost == result.cost and end.cost.total > 0
    assert (end.duration, end.time_to_headers, end.time_to_first_chunk) == (LATENCY, LATENCY, None)
    assert (end.rate_limit_wait, end.retries, end.abandoned) == (0.0, 0, False)
    assert len({e.call_id for e in seen.events}) == 1


async def test_call_retried_twice(kind: str) -> None:
    seen = Collector()
    policy = gptkit.RetryPolicy(max_attempts=3, _random=top_jitter)  # waits 0.5 then 1.0
    rec = Recorder(timed(500), timed(503), timed())
    client = client_of(kind, rec, listeners=[seen], retry=policy)
    with VirtualClock() as clock:
        await _call(client)
    await close(client)
    assert clock.sleeps == [0.5, 1.0]
    assert seen.kinds() == [
        ("RequestStart", 1),
        ("ResponseHeaders", 1), ("RequestRetry", 1),
        ("ResponseHeaders", 2), ("RequestRetry", 2),
        ("ResponseHeaders", 3), ("RequestEnd", 3),
    ]
    retry1, retry2 = (e for e in seen.events if isinstance(e, gptkit.RequestRetry))
    assert (retry1.error_type, retry1.status, retry1.request_id, retry1.reason, retry1.wait) == (
        "InternalServerError", 500, "req_500", "500 some_code", 0.5)
    assert (retry2.status, retry2.wait, retry2.elapsed) == (503, 1.0, 2 * LATENCY + 0.5)
    assert retry1.error_message == "Error code: 500 - status 500"
    statuses = [e.status for e in seen.events if isinstance(e, gptkit.ResponseHeaders)]
    assert statuses == [500, 503, 200]
    # Each attempt's time to headers is its own, not counting the waits before it.
    assert [e.time_to_headers for e in seen.events if isinstance(e, gptkit.ResponseHeaders)] == [LATENCY] * 3
    end = seen.events[-1]
    assert isinstance(end, gptkit.RequestEnd)
    assert (end.retries, end.duration, end.status) == (2, 3 * LATENCY + 1.5, 200)


async def test_failing_call(kind: str) -> None:
    seen = Collector()
    client = client_of(kind, Recorder(timed(400)), listeners=[seen])
    with VirtualClock(), pytest.raises(gptkit.BadRequestError):
        await _call(client)
    await close(client)
    assert seen.kinds() == [("RequestStart", 1), ("ResponseHeaders", 1), ("RequestError", 1)]
    error = seen.events[-1]
    assert isinstance(error, gptkit.RequestError)
    assert (error.error_type, error.error_code, error.status, error.request_id) == (
        "BadRequestError", "some_code", 400, "req_400")
    assert (error.error_message, error.duration, error.retries) == (
        "Error code: 400 - status 400", LATENCY, 0)


async def test_call_failing_before_any_response_after_a_retry(kind: str) -> None:
    seen = Collector()
    rec = Recorder(httpx.ConnectError("refused"))
    client = client_of(kind, rec, listeners=[seen], retry=gptkit.RetryPolicy(max_attempts=2, _random=top_jitter))
    with VirtualClock(), pytest.raises(gptkit.APIConnectionError):
        await _call(client)
    await close(client)
    assert seen.kinds() == [("RequestStart", 1), ("RequestRetry", 1), ("RequestError", 2)]
    retry, error = seen.events[1:]
    assert isinstance(retry, gptkit.RequestRetry) and isinstance(error, gptkit.RequestError)
    assert (retry.error_type, retry.status, retry.request_id, retry.reason) == (
        "APIConnectionError", None, None, "APIConnectionError")
    assert (error.error_type, error.status, error.retries, error.time_to_headers) == (
        "APIConnectionError", None, 1, None)


async def test_budget_refusal_is_an_error_event(kind: str) -> None:
    seen = Collector()
    rec = Recorder(timed())
    client = client_of(kind, rec, listeners=[seen], budget=gptkit.Budget(usd="0.0000001"))
    with VirtualClock(), pytest.raises(gptkit.BudgetExceededError):
        await _call(client)
    await close(client)
    assert rec.requests == []
    assert seen.kinds() == [("RequestStart", 1), ("RequestError", 1)]
    assert client.stats.snapshot().errors == {"BudgetExceededError": 1}


EXACT = {"window": 1.0, "jitter": 0.0}  # rpm=60: one request a second, no jitter


async def test_rate_limited_call(kind: str) -> None:
    seen = Collector()
    client = client_of(kind, Recorder(timed()), listeners=[seen], rate_limit=gptkit.RateLimit(rpm=60, **EXACT))
    with VirtualClock() as clock:
        await _call(client)  # takes the one slot of this second
        seen.events.clear()
        await _call(client)  # waits for the next
    await close(client)
    (wait_time,) = clock.sleeps
    # The second's refill counts from the first call's answer (an idle lane's first request may
    # reach the server as late as that), so the second call waits a whole second.
    assert wait_time == 1.0
    assert seen.kinds() == [("RequestStart", 1), ("RateLimitWait", 1), ("ResponseHeaders", 1), ("RequestEnd", 1)]
    wait, headers, end = seen.events[1:]
    assert isinstance(wait, gptkit.RateLimitWait) and isinstance(headers, gptkit.ResponseHeaders)
    assert (wait.wait, wait.elapsed) == (wait_time, wait_time)
    assert headers.time_to_headers == LATENCY  # from the send, after the limiter let it go
    assert isinstance(end, gptkit.RequestEnd)
    assert (end.rate_limit_wait, end.duration) == (wait_time, wait_time + LATENCY)
    snap = client.stats.snapshot()
    assert (snap.rate_limit_waits, snap.rate_limit_wait) == (1, wait_time)


async def test_rate_limited_retried_call_waits_before_each_attempt(kind: str) -> None:
    seen = Collector()
    policy = gptkit.RetryPolicy(max_attempts=2, _random=top_jitter)
    client = client_of(kind, Recorder(timed(500, latency=0.0), timed(latency=0.0)), listeners=[seen], retry=policy,
                       rate_limit=gptkit.RateLimit(rpm=60, **EXACT))
    with VirtualClock() as clock:
        await _call(client)
    await close(client)
    assert seen.kinds() == [
        ("RequestStart", 1), ("ResponseHeaders", 1), ("RequestRetry", 1),
        ("RateLimitWait", 2), ("ResponseHeaders", 2), ("RequestEnd", 2),
    ]
    retry, wait = seen.events[2:4]
    assert isinstance(retry, gptkit.RequestRetry) and isinstance(wait, gptkit.RateLimitWait)
    assert clock.sleeps == [retry.wait, wait.wait] and wait.wait == 0.5  # 1 s per request, 0.5 s backoff
    end = seen.events[-1]
    assert isinstance(end, gptkit.RequestEnd) and (end.rate_limit_wait, end.duration) == (0.5, 1.0)


def _stream_call(client: Any) -> Any:
    return invoke(client, "chat.completions.create", **{**CALL, "stream": True})


async def _drain(stream: Any) -> list[Any]:
    if isinstance(stream, gptkit.AsyncStream):
        return [chunk async for chunk in stream]
    return list(stream)


async def test_streamed_call(kind: str) -> None:
    seen = Collector()
    parts = stream_parts()
    client = client_of(kind, Recorder(streamed(*parts)), listeners=[seen])
    with VirtualClock():
        stream = await _stream_call(client)
        assert seen.kinds() == [("RequestStart", 1), ("ResponseHeaders", 1), ("FirstChunk", 1)]
        assert client.stats.in_flight == 1  # until the stream is read
        chunks = await _drain(stream)
    await close(client)
    assert len(chunks) == len(parts) - 2  # the usage chunk gptkit asked for is hidden; [DONE]
    assert seen.kinds() == [("RequestStart", 1), ("ResponseHeaders", 1), ("FirstChunk", 1), ("RequestEnd", 1)]
    start, headers, first, end = seen.events
    assert isinstance(start, gptkit.RequestStart) and start.stream is True
    assert isinstance(headers, gptkit.ResponseHeaders) and headers.request_id == "req_s"
    assert isinstance(first, gptkit.FirstChunk)
    assert first.time_to_first_chunk == LATENCY + EVENT_GAP
    assert isinstance(end, gptkit.RequestEnd)
    assert (end.time_to_first_chunk, end.abandoned) == (LATENCY + EVENT_GAP, False)
    assert end.duration == LATENCY + EVENT_GAP * len(parts)
    assert end.cost == stream.cost and end.cost is not None
    assert (end.input_tokens, end.output_tokens, end.response_id, end.finish_reasons) == (9, 3, "chatcmpl-1", ("stop",))
    snap = client.stats.snapshot()
    assert (snap.in_flight, snap.succeeded) == (0, 1)


async def test_streamed_call_retried_before_its_first_event(kind: str) -> None:
    seen = Collector()
    policy = gptkit.RetryPolicy(max_attempts=2, _random=top_jitter)
    client = client_of(kind, Recorder(timed(503), streamed(*stream_parts())), listeners=[seen], retry=policy)
    with VirtualClock():
        await _drain(await _stream_call(client))
    await close(client)
    assert seen.kinds() == [("RequestStart", 1), ("ResponseHeaders", 1), ("RequestRetry", 1),
                            ("ResponseHeaders", 2), ("FirstChunk", 2), ("RequestEnd", 2)]
    first = seen.events[4]
    assert isinstance(first, gptkit.FirstChunk)
    assert first.time_to_first_chunk == 2 * LATENCY + 0.5 + EVENT_GAP  # from the call's start


async def test_stream_broken_midway(kind: str) -> None:
    seen = Collector()
    parts = stream_parts()[:3]
    client = client_of(kind, Recorder(streamed(*parts, httpx.ReadError("connection reset"))), listeners=[seen])
    with VirtualClock(), pytest.raises(gptkit.StreamInterruptedError):
        await _drain(await _stream_call(client))
    await close(client)
    assert seen.kinds() == [("RequestStart", 1), ("ResponseHeaders", 1), ("FirstChunk", 1), ("RequestError", 1)]
    error = seen.events[-1]
    assert isinstance(error, gptkit.RequestError) and error.error_type == "StreamInterruptedError"
    assert error.duration == LATENCY + EVENT_GAP * (len(parts) + 1)
    snap = client.stats.snapshot()
    assert (snap.in_flight, snap.failed, snap.errors) == (0, 1, {"StreamInterruptedError": 1})
    assert client.ledger.calls == 1  # the partial answer was still billed and accounted


async def test_stream_closed_early_is_abandoned(kind: str) -> None:
    seen = Collector()
    client = client_of(kind, Recorder(streamed(*stream_parts())), listeners=[seen])
    with VirtualClock():
        stream = await _stream_call(client)
        if kind == "sync":
            stream.close()
            stream.close()
        else:
            await stream.aclose()
            await stream.aclose()
    await close(client)
    assert seen.kinds() == [("RequestStart", 1), ("ResponseHeaders", 1), ("FirstChunk", 1), ("RequestEnd", 1)]
    end = seen.events[-1]
    assert isinstance(end, gptkit.RequestEnd)
    assert (end.abandoned, end.duration) == (True, LATENCY + EVENT_GAP)
    assert end.usage is not None and end.usage.estimated  # the partial answer, estimated
    snap = client.stats.snapshot()
    assert (snap.in_flight, snap.succeeded, snap.failed) == (0, 0, 0)


async def test_other_endpoints_have_their_operation(kind: str) -> None:
    seen = Collector()
    body = {"object": "list", "model": "text-embedding-3-small",
            "data": [{"object": "embedding", "index": 0, "embedding": [0.5]}],
            "usage": {"prompt_tokens": 2, "total_tokens": 2}}
    models = {"object": "list", "data": []}
    client = client_of(kind, Recorder(timed(body=body), timed(body=models)), listeners=[seen])
    with VirtualClock():
        await invoke(client, "embeddings.create", model="text-embedding-3-small", input="a", dimensions=8)
        await invoke(client, "models.list")
    await close(client)
    starts = [e for e in seen.events if isinstance(e, gptkit.RequestStart)]
    ends = [e for e in seen.events if isinstance(e, gptkit.RequestEnd)]
    assert [(s.operation, s.model) for s in starts] == [("embeddings", "text-embedding-3-small"), (None, None)]
    assert dict(starts[0].params) == {"dimensions": 8, "encoding_format": "base64"}  # as sent
    assert (ends[0].input_tokens, ends[0].output_tokens, ends[0].response_id) == (2, None, None)
    assert ends[0].cost is not None and ends[1].cost is None and ends[1].usage is None


async def test_listeners_added_later_and_removed(kind: str) -> None:
    first, second = Collector(), Collector()
    client = client_of(kind, Recorder(timed()), listeners=[first])
    copy = client.with_options(timeout=5)
    copy.add_listener(second)  # copies share listeners and stats
    assert client.listeners == (first, second)
    with VirtualClock():
        await _call(client)
        client.remove_listener(first)
        await _call(copy)
    await close(client)
    assert [type(e).__name__ for e in first.events] == ["RequestStart", "ResponseHeaders", "RequestEnd"]
    assert len(second.events) == 6 and len({e.call_id for e in second.events}) == 2
    assert client.stats.succeeded == 2 and copy.stats is client.stats
    with pytest.raises(ValueError):
        client.remove_listener(first)


async def test_listener_base_class_routes_events(kind: str) -> None:
    calls: list[str] = []

    class Mine(gptkit.Listener):
        def on_request_start(self, event: gptkit.RequestStart) -> None:
            calls.append(f"start {event.model}")

        def on_request_end(self, event: gptkit.RequestEnd) -> None:
            calls.append(f"end {event.status}")

    client = client_of(kind, Recorder(timed()), listeners=[Mine()])
    with VirtualClock():
        await _call(client)
    await close(client)
    assert calls == ["start gpt-4o", "end 200"]


def test_events_are_frozen() -> None:
    event = gptkit.RateLimitWait(call_id=1, method="POST", path="/x", model=None, tags={}, attempt=1,
                                 elapsed=0.0, wait=1.0)
    with pytest.raises(AttributeError):
        event.wait = 2.0  # type: ignore[misc]


async def test_no_event_is_built_without_listeners(kind: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from gptkit._observe._trace import CallTrace

    def boom(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("an event was built with nobody listening")

    monkeypatch.setattr(CallTrace, "_common", boom)
    client = client_of(kind, Recorder(timed(500), timed()), retry=gptkit.RetryPolicy(max_attempts=2))
    with VirtualClock():
        await _call(client)
    await close(client)
    assert client.stats.retries == 1


def test_trace_is_set_only_by_execute() -> None:
    client = gptkit.Client(api_key="sk-x")
    call = client._prepare(CHAT_COMPLETIONS, {"model": "gpt-4o", "messages": MSGS})
    assert call.trace is None
    client._emit_rate_limit_wait(call, 1.0)  # call sites tolerate a call that is not observed
    assert client._retry_hook(call) is None
    assert client.stats.snapshot().rate_limit_wait == 0
    assert Decimal(0) == client.stats.cost


async def test_azure_clients_take_listeners(kind: str) -> None:
    seen = Collector()
    rec = Recorder(timed())
    cls = gptkit.AzureClient if kind == "sync" else gptkit.AsyncAzureClient
    client = cls(azure_endpoint="https://res.openai.azure.com", api_version="2024-10-21", api_key="azure-key",
                 transport=rec.transport, listeners=[seen])
    with VirtualClock():
        await invoke(client, "chat.completions.create", model="my-deployment", messages=MSGS)
    await close(client)
    start = seen.events[0]
    assert isinstance(start, gptkit.RequestStart)
    assert (start.provider, start.server_address, start.model) == ("azure", "res.openai.azure.com", "my-deployment")
    assert [type(e).__name__ for e in seen.events] == ["RequestStart", "ResponseHeaders", "RequestEnd"]
    assert "azure-key" not in repr(seen.events)
