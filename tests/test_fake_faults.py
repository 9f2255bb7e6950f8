"""Every injected fault reaches gptkit's callers as the expected typed error, sync and async,
in-process and over a real socket."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

import gptkit
from gptkit.testing import FakeOpenAI, Fault, VirtualClock

from .fakeutil import MSGS, sse_events, stream_text
from .helpers import close, invoke

FAULT_CASES = [
    pytest.param(Fault.rate_limit(), gptkit.RateLimitError, id="429-retry-headers"),
    pytest.param(Fault.rate_limit(headers=False), gptkit.RateLimitError, id="429-no-headers"),
    pytest.param(Fault.quota(), gptkit.InsufficientQuotaError, id="429-quota"),
    pytest.param(Fault.server_error(500), gptkit.InternalServerError, id="500"),
    pytest.param(Fault.server_error(502), gptkit.InternalServerError, id="502"),
    pytest.param(Fault.server_error(503), gptkit.InternalServerError, id="503"),
    pytest.param(Fault.reset(), gptkit.APIConnectionError, id="reset"),
    pytest.param(Fault.slow_headers(3.0), gptkit.APITimeoutError, id="slow-headers"),
    pytest.param(Fault.stall(3.0), gptkit.APITimeoutError, id="stall"),
    pytest.param(Fault.truncate(), gptkit.APIConnectionError, id="truncated"),
    pytest.param(Fault.malformed_json(), gptkit.APIResponseValidationError, id="malformed-json"),
    pytest.param(Fault.error_event(), gptkit.InternalServerError, id="error-event"),
]


@pytest.fixture(params=["in-process", "socket"])
def where(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def served() -> Iterator[Any]:
    servers: list[Any] = []

    def start(fake: FakeOpenAI) -> str:
        server = fake.serve()
        servers.append(server)
        return server.base_url

    yield start
    for server in servers:
        server.close()


def _client(kind: str, where: str, fake: FakeOpenAI, served: Any, **options: Any) -> Any:
    options.setdefault("api_key", "sk-test-0123456789abcdefghij")
    if where == "socket":
        cls = gptkit.Client if kind == "sync" else gptkit.AsyncClient
        return cls(base_url=served(fake), **options)
    return fake.client(**options) if kind == "sync" else fake.async_client(**options)


@pytest.mark.parametrize(("fault", "expected"), FAULT_CASES)
async def test_fault_maps_to_typed_error(kind: str, where: str, served: Any, fault: Fault,
                                         expected: type[Exception]) -> None:
    fake = FakeOpenAI()
    fake.inject(fault)
    # A short read timeout turns slow headers and stalls into timeouts; in-process they take no
    # real time (the virtual clock), over the socket they take 0.3 s.
    client = _client(kind, where, fake, served, max_retries=0, timeout=httpx.Timeout(0.3, connect=2.0))
    with VirtualClock() if where == "in-process" else _nothing() as clock:
        with pytest.raises(expected) as info:
            await invoke(client, "chat.completions.create", model="gpt-4o", messages=MSGS)
    await close(client)
    assert type(info.value) is expected
    assert fake.stats.faults[fault.kind] == 1
    if fault.kind == "rate_limit":
        headers = info.value.headers  # type: ignore[attr-defined]
        assert ("retry-after" in headers) is fault.headers
        assert ("retry-after-ms" in headers) is fault.headers
    if clock is not None and fault.kind in ("slow_headers", "stall"):
        assert clock.sleeps == [0.3]  # waited exactly the read timeout, then gave up


class _nothing:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


async def test_fail_first_attempts_then_succeed(kind: str, where: str, served: Any) -> None:
    fake = FakeOpenAI()
    fake.inject("server_error", status=503, attempts=2)
    client = _client(kind, where, fake, served, retry=gptkit.RetryPolicy(max_attempts=3, zero_waits=True))
    reply = await invoke(client, "chat.completions.create", model="gpt-4o", messages=MSGS)
    await close(client)
    assert reply.choices[0].message.content == "Echo: What is the capital of France?"
    assert fake.stats.statuses[503] == 2 and fake.stats.statuses[200] == 1
    # the three attempts were one call: they shared the idempotency key
    assert len({r.call_key for r in fake.requests}) == 1


async def test_retry_honours_injected_retry_after(kind: str) -> None:
    fake = FakeOpenAI()
    fake.inject(Fault.rate_limit(2.5), times=1)
    client = fake.client() if kind == "sync" else fake.async_client()
    with VirtualClock() as clock:
        await invoke(client, "chat.completions.create", model="gpt-4o", messages=MSGS)
    await close(client)
    assert clock.sleeps == [2.5]


async def test_quota_is_not_retried(kind: str) -> None:
    fake = FakeOpenAI()
    fake.inject("quota")
    client = fake.client(max_retries=3) if kind == "sync" else fake.async_client(max_retries=3)
    with pytest.raises(gptkit.InsufficientQuotaError):
        await invoke(client, "chat.completions.create", model="gpt-4o", messages=MSGS)
    await close(client)
    assert fake.stats.requests == 1


async def _raw_stream(kind: str, transport: Any, base_url: str, timeout: float = 5.0) -> tuple[bytes, Exception | None]:
    """POST a streamed chat request with plain httpx; returns the bytes read and the error, if any."""
    body = {"model": "gpt-4o", "messages": MSGS, "stream": True}
    received = b""
    try:
        if kind == "sync":
            with httpx.Client(transport=transport, base_url=base_url, timeout=timeout) as http, \
                    http.stream("POST", "/chat/completions", json=body) as response:
                for chunk in response.iter_bytes():
                    received += chunk
        else:
            async with httpx.AsyncClient(transport=transport, base_url=base_url, timeout=timeout) as http, \
                    http.stream("POST", "/chat/completions", json=body) as response:
                async for chunk in response.aiter_bytes():
                    received += chunk
    except httpx.TransportError as exc:
        return received, exc
    return received, None


STREAM_CASES = [
    pytest.param(Fault.reset(after_chunks=2), httpx.RemoteProtocolError, 2, id="reset-mid-stream"),
    pytest.param(Fault.stall(3.0, after_chunks=1), httpx.ReadTimeout, 1, id="stall"),
    pytest.param(Fault.truncate(after_chunks=3), None, 3, id="truncated"),
    pytest.param(Fault.error_event(after_chunks=2), None, 3, id="error-event"),
]


@pytest.mark.parametrize(("fault", "error", "events"), STREAM_CASES)
async def test_stream_faults_on_the_wire(kind: str, where: str, served: Any, fault: Fault,
                                         error: type[Exception] | None, events: int) -> None:
    fake = FakeOpenAI()
    fake.inject(fault)
    if where == "socket":
        transport, base_url = None, served(fake)
    else:
        transport, base_url = fake, "https://api.openai.com/v1"
    with VirtualClock() if where == "in-process" else _nothing():
        received, exc = await _raw_stream(kind, transport, base_url, timeout=0.3)
    assert (type(exc) if exc else None) is error
    assert len(sse_events(received)) == events
    assert b"[DONE]" not in received


async def test_stream_arrives_chunk_by_chunk_in_process(kind: str) -> None:
    fake = FakeOpenAI(chunk_delay=0.25)
    with VirtualClock() as clock:
        received, exc = await _raw_stream(kind, fake, "https://api.openai.com/v1")
    assert exc is None
    events = sse_events(received)
    assert stream_text(events) == "Echo: What is the capital of France?"
    # a pause before every chunk but the first, on gptkit's clock
    assert clock.sleeps == [0.25] * (len(events))


async def _drain(stream: Any) -> list[Any]:
    if hasattr(stream, "__aiter__"):
        return [chunk async for chunk in stream]
    return list(stream)


async def test_client_level_stream_fault(kind: str) -> None:
    fake = FakeOpenAI()
    fake.inject(Fault.reset(after_chunks=2))
    client = fake.client(max_retries=0) if kind == "sync" else fake.async_client(max_retries=0)
    stream = await invoke(client, "chat.completions.create", model="gpt-4o", messages=MSGS, stream=True)
    with pytest.raises(gptkit.StreamInterruptedError) as info:
        await _drain(stream)
    assert len(info.value.received) == 2  # the two chunks before the reset
    await close(client)
