"""Helpers for the observability tests: an event collector, and responses and streams that take
virtual time to arrive."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx

import gptkit
from gptkit._clock import get_clock

from .helpers import API_KEY, Recorder, chat_body
from .streams import sse, stream_chunks

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


# -- streamed answers whose events arrive on the virtual clock ----------------------------------

#: Seconds between two events of a scripted stream.
EVENT_GAP = 0.125


class ClockBody(httpx.SyncByteStream, httpx.AsyncByteStream):
    """An SSE body whose parts arrive ``EVENT_GAP`` virtual seconds apart (an exception raises)."""

    def __init__(self, *parts: bytes | Exception) -> None:
        self.parts = parts

    def __iter__(self) -> Iterator[bytes]:
        for part in self.parts:
            get_clock().advance(EVENT_GAP)
            if isinstance(part, Exception):
                raise part
            yield part

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for part in self.__iter__():
            yield part


def stream_parts(content: str = "Hello there!") -> list[bytes]:
    """One SSE event per part: the chunks of a chat completion, its usage chunk, then [DONE]."""
    chunks = stream_chunks(chat_body(content), piece=4)
    return [sse(chunk, done=False) for chunk in chunks] + [b"data: [DONE]\n\n"]


def streamed(*parts: bytes | Exception, latency: float = LATENCY) -> Any:
    """A Recorder step answering with a stream of ``parts`` after ``latency`` seconds."""

    def step(request: httpx.Request) -> httpx.Response:
        get_clock().advance(latency)
        return httpx.Response(200, headers={"content-type": "text/event-stream", "x-request-id": "req_s"},
                              stream=ClockBody(*parts))

    return step


def client_of(kind: str, recorder: Recorder, **options: Any) -> Any:
    options.setdefault("api_key", API_KEY)
    cls = gptkit.Client if kind == "sync" else gptkit.AsyncClient
    return cls(transport=recorder.transport, **options)
