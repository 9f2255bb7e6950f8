"""Helpers for the observability tests: an event collector, timed responses, and the call sites
the rate limiter and the streaming layer use, exercised the way those layers call them."""

from __future__ import annotations

from typing import Any

import httpx

import gptkit
from gptkit._clock import get_clock
from gptkit.types.chat import ChatCompletion

from .helpers import API_KEY, Recorder, chat_body

HEADERS = {
    "x-request-id": "req_1",
    "openai-processing-ms": "240",
    "x-ratelimit-remaining-requests": "99",
    "retry-after-ms": "0",
    "openai-organization": "org-secret-ish",
    "set-cookie": "session=abc",
    "content-type": "application/json",
}
#: Seconds each scripted response takes to arrive (advanced on the virtual clock).
LATENCY = 0.25


def timed(status: int = 200, body: Any = None, *, latency: float = LATENCY, **headers: str) -> Any:
    """A Recorder step: the clock moves ``latency`` seconds, then the response arrives."""
    if body is None:
        body = chat_body() if status < 400 else {
            "error": {"message": f"status {status}", "type": "x", "code": "some_code"}}
    all_headers = {**HEADERS, **headers} if status < 400 else {"x-request-id": f"req_{status}", **headers}

    def step(request: httpx.Request) -> httpx.Response:
        get_clock().advance(latency)
        return httpx.Response(status, json=body, headers=all_headers)

    return step


class Collector:
    """A listener that keeps every event."""

    def __init__(self) -> None:
        self.events: list[gptkit.CallEvent] = []

    def __call__(self, event: gptkit.CallEvent) -> None:
        self.events.append(event)

    def kinds(self) -> list[tuple[str, int]]:
        return [(type(e).__name__, e.attempt) for e in self.events]


def top_jitter(low: float, high: float) -> float:
    return high  # the top of the jitter range, so retry schedules are exact


# -- what the rate limiter and the streaming layer will call (see docs/observability.md) --------

LIMITER_WAIT = 2.0
FIRST_CHUNK_AFTER = 0.125
STREAM_READ = 0.5


class _FakeStream:
    """Stands in for Stream: reading it to the end accounts the final completion."""

    def __init__(self, client: Any, call: Any) -> None:
        self.client, self.call = client, call

    def read_to_end(self) -> ChatCompletion:
        get_clock().advance(STREAM_READ)
        final = ChatCompletion.model_validate(chat_body("streamed"))
        self.client._account(self.call, final)
        return final

    def break_midway(self, exc: Exception) -> None:
        get_clock().advance(STREAM_READ)
        self.client._emit_error(self.call, exc)
        self.client._release(self.call)


class _AsyncFakeStream(_FakeStream):
    async def aclose_early(self) -> None:
        get_clock().advance(STREAM_READ)
        await self.client._arelease(self.call)


class LimitedClient(gptkit.Client):
    """A client whose limiter makes each attempt wait ``LIMITER_WAIT`` seconds."""

    def _send(self, call: Any) -> httpx.Response:
        get_clock().sleep(LIMITER_WAIT)  # the limiter's acquire
        self._emit_rate_limit_wait(call, LIMITER_WAIT)
        return super()._send(call)


class AsyncLimitedClient(gptkit.AsyncClient):
    async def _send(self, call: Any) -> httpx.Response:
        await get_clock().asleep(LIMITER_WAIT)
        self._emit_rate_limit_wait(call, LIMITER_WAIT)
        return await super()._send(call)


class StreamingClient(gptkit.Client):
    """``stream=True`` returns a fake stream opened the way the streaming layer opens one."""

    def _run(self, call: Any) -> Any:
        if not call.stream:
            return super()._run(call)
        self._send(call)
        get_clock().advance(FIRST_CHUNK_AFTER)  # the first SSE event arrives
        self._emit_first_event(call)
        self._emit_first_event(call)  # later events do not count
        return _FakeStream(self, call)


class AsyncStreamingClient(gptkit.AsyncClient):
    async def _run(self, call: Any) -> Any:
        if not call.stream:
            return await super()._run(call)
        await self._send(call)
        get_clock().advance(FIRST_CHUNK_AFTER)
        self._emit_first_event(call)
        return _AsyncFakeStream(self, call)


def client_of(kind: str, recorder: Recorder, cls: str = "", **options: Any) -> Any:
    """``make_client`` for the plain, limited and streaming variants."""
    options.setdefault("api_key", API_KEY)
    classes = {
        ("sync", ""): gptkit.Client, ("async", ""): gptkit.AsyncClient,
        ("sync", "limited"): LimitedClient, ("async", "limited"): AsyncLimitedClient,
        ("sync", "streaming"): StreamingClient, ("async", "streaming"): AsyncStreamingClient,
    }
    return classes[kind, cls](transport=recorder.transport, **options)
