"""``responses.stream(...)``, attaching to a background response, ``retrieve(stream=True)``,
``responses.wait`` and ``cancel``, over the transport seam, sync and async."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

import gptkit
from gptkit import APITimeoutError, InvalidParameterError, ResponseFailedError
from gptkit.testing import FakeOpenAI, VirtualClock
from gptkit.types.responses import Response, ResponseTextDeltaEvent
from tests.helpers import API_KEY, close, invoke
from tests.responses_helpers import function_call_events, response_body, sse

PROMPT = "one two three four five six seven eight"


def _client(kind: str, transport: Any, **options: Any) -> Any:
    options.setdefault("api_key", API_KEY)
    options.setdefault("retry", gptkit.RetryPolicy(max_attempts=3, initial_backoff=0, max_backoff=0))
    cls = gptkit.Client if kind == "sync" else gptkit.AsyncClient
    return cls(transport=transport, **options)


async def _read(kind: str, manager: Any, *, texts: bool = False) -> tuple[list[Any], Response]:
    """Enter the manager, read every event (or text piece), and get the final response."""
    if kind == "async":
        async with manager as stream:
            got = [t async for t in stream.text_stream] if texts else [e async for e in stream]
            return got, await stream.get_final_response()
    with manager as stream:
        got = list(stream.text_stream) if texts else list(stream)
        return got, stream.get_final_response()


async def test_stream_helper_text_final_response_and_cost(kind: str) -> None:
    fake = FakeOpenAI()
    client = _client(kind, fake)
    plain = await invoke(client, "responses.create", model="gpt-4o", input=PROMPT)
    manager = client.responses.stream(model="gpt-4o", input=PROMPT)
    assert fake.stats.requests == 1  # nothing is sent before the block is entered
    pieces, final = await _read(kind, manager, texts=True)
    assert len(pieces) > 3 and "".join(pieces) == final.output_text == plain.output_text
    assert final.cost == plain.cost and final.cost is not None
    assert client.ledger.calls == 2 and fake.stats.requests == 2
    await close(client)


async def test_stream_helper_events_carry_snapshots(kind: str) -> None:
    fake = FakeOpenAI()
    client = _client(kind, fake)
    events, final = await _read(kind, client.responses.stream(model="gpt-4o", input=PROMPT))
    deltas = [e for e in events if isinstance(e, ResponseTextDeltaEvent)]
    assert deltas[-1].snapshot == final.output_text
    assert [d.snapshot for d in deltas] == ["".join(x.delta for x in deltas[: i + 1]) for i in range(len(deltas))]
    await close(client)


async def test_function_call_argument_deltas_carry_snapshots(kind: str) -> None:
    def handle(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"content-type": "text/event-stream"}, content=sse(function_call_events()))

    client = _client(kind, httpx.MockTransport(handle))
    events, final = await _read(kind, client.responses.stream(model="gpt-4o", input="weather?"))
    snapshots = [e.snapshot for e in events if e.type == "response.function_call_arguments.delta"]
    assert snapshots == ['{"ci', '{"city":', '{"city":"Par', '{"city":"Paris"}']
    assert final.output[0].arguments == '{"city":"Paris"}'
    await close(client)


async def test_stream_helper_checks_parameters_before_sending(kind: str) -> None:
    fake = FakeOpenAI()
    client = _client(kind, fake)
    with pytest.raises(InvalidParameterError) as info:
        client.responses.stream(model="gpt-4o", input="hi", max_output_tokens="many")
    assert info.value.param == "max_output_tokens"
    with pytest.raises(ValueError, match="response_id"):
        client.responses.stream(response_id="resp_1", model="gpt-4o")
    with pytest.raises(InvalidParameterError, match="response_id"):
        client.responses.stream(model="gpt-4o", input="hi", starting_after=3)
    assert fake.stats.requests == 0
    await close(client)


async def test_attach_to_a_background_response_after_an_event(kind: str) -> None:
    fake = FakeOpenAI(response_time=None)
    client = _client(kind, fake)
    queued = await invoke(client, "responses.create", model="gpt-4o", input=PROMPT, background=True)
    assert queued.status == "queued"
    events, final = await _read(kind, client.responses.stream(response_id=queued.id, starting_after=4))
    assert events[0].sequence_number == 5 and events[-1].type == "response.completed"
    assert final.output_text == f"Echo: {PROMPT}" and final.id == queued.id  # whole, though 0..4 were hidden
    sent = fake.requests[-1]
    assert (sent.method, sent.path, dict(sent.query)) == ("GET", f"/responses/{queued.id}", {"stream": "true"})
    assert client.ledger.calls == 1  # reading a response again is not a new charge
    await close(client)


async def test_retrieve_with_stream_sends_starting_after(kind: str) -> None:
    fake = FakeOpenAI(response_time=None)
    client = _client(kind, fake)
    queued = await invoke(client, "responses.create", model="gpt-4o", input=PROMPT, background=True)
    stream = await invoke(client, "responses.retrieve", queued.id, stream=True, starting_after=6)
    events = [e async for e in stream] if kind == "async" else list(stream)
    assert [e.sequence_number for e in events][:2] == [7, 8]
    assert dict(fake.requests[-1].query) == {"stream": "true", "starting_after": "6"}
    final = await stream.get_final_response() if kind == "async" else stream.get_final_response()
    assert final.status == "completed" and final.cost is not None and client.ledger.calls == 1
    await close(client)


async def test_wait_polls_with_backoff_until_the_response_finishes(kind: str) -> None:
    with VirtualClock() as clock:
        fake = FakeOpenAI(response_time=4.0)
        client = _client(kind, fake)
        queued = await invoke(client, "responses.create", model="gpt-4o", input="slow job", background=True)
        done = await invoke(client, "responses.wait", queued.id)
        assert done.status == "completed" and done.output_text == "Echo: slow job"
        assert clock.sleeps[:4] == [0.5, 0.75, 1.125, 1.6875]  # growing pauses
        gets = [r for r in fake.requests if r.method == "GET"]
        assert len(gets) == len(clock.sleeps) + 1 == 5
        assert client.ledger.calls == 1
    await close(client)


async def test_wait_times_out_with_a_typed_error(kind: str) -> None:
    with VirtualClock() as clock:
        fake = FakeOpenAI(response_time=None)
        client = _client(kind, fake)
        queued = await invoke(client, "responses.create", model="gpt-4o", input="forever", background=True)
        start = clock.monotonic()
        with pytest.raises(APITimeoutError, match="still"):
            await invoke(client, "responses.wait", queued.id, poll_interval_ms=1000, max_wait_seconds=5)
        assert clock.monotonic() - start == pytest.approx(5.0)
        assert max(clock.sleeps) <= 10.0
    with pytest.raises(InvalidParameterError, match="max_wait_seconds"):
        await invoke(client, "responses.wait", queued.id, max_wait_seconds=-1)
    await close(client)


async def test_wait_raises_for_a_failed_response_and_returns_a_cancelled_one(kind: str) -> None:
    failed = response_body([], status="failed", error={"code": "server_error", "message": "It broke."})

    def handle(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=failed)

    client = _client(kind, httpx.MockTransport(handle))
    with pytest.raises(ResponseFailedError, match="It broke") as info:
        await invoke(client, "responses.wait", "resp_1")
    assert info.value.response.status == "failed" and info.value.code == "server_error"
    await close(client)

    with VirtualClock():
        fake = FakeOpenAI(response_time=None)
        client = _client(kind, fake)
        queued = await invoke(client, "responses.create", model="gpt-4o", input="stop me", background=True)
        cancelled = await invoke(client, "responses.cancel", queued.id)
        assert cancelled.status == "cancelled"
        assert (await invoke(client, "responses.wait", queued.id)).status == "cancelled"
    await close(client)


async def test_until_done_and_the_snapshot_so_far(kind: str) -> None:
    fake = FakeOpenAI()
    client = _client(kind, fake)
    manager = client.responses.stream(model="gpt-4o", input=PROMPT)
    if kind == "async":
        async with manager as stream:
            first = await stream.__anext__()
            snapshot = stream.current_response_snapshot
            await stream.until_done()
            final = await stream.get_final_response()
    else:
        with manager as stream:
            first = next(stream)
            snapshot = stream.current_response_snapshot
            stream.until_done()
            final = stream.get_final_response()
    assert first.type == "response.created"
    assert snapshot is not None and snapshot.status == "in_progress" and snapshot.id == final.id
    assert final.status == "completed" and stream.usage == final.usage and stream.cost == final.cost
    assert stream.request_id == final.request_id and stream.response.status_code == 200
    await close(client)


async def test_a_finisher_shapes_the_final_response(kind: str) -> None:
    # The hook a ``text_format=`` stream plugs its parsing into: the final object is its result.
    from gptkit._streams._responses import AsyncResponseStreamManager, ResponseStreamManager

    fake = FakeOpenAI()
    client = _client(kind, fake)
    seen: list[Response] = []

    def finish(response: Response) -> str:
        seen.append(response)
        return response.output_text.upper()

    if kind == "async":
        manager: Any = AsyncResponseStreamManager(
            lambda: client.responses.create(model="gpt-4o", input="shout", stream=True), finish=finish)
    else:
        manager = ResponseStreamManager(
            lambda: client.responses.create(model="gpt-4o", input="shout", stream=True), finish=finish)
    _, final = await _read(kind, manager)
    assert final == "ECHO: SHOUT" and seen[0].status == "completed"
    await close(client)


async def test_an_incomplete_stream_has_no_final_response_as_in_the_official_helper(kind: str) -> None:
    # ``response.incomplete`` (max_output_tokens reached): the official helper's
    # get_final_response() raises RuntimeError; so does gptkit's, and the response as it ended is
    # the snapshot.
    from tests.responses_helpers import message, text_stream_events

    ended = response_body([message("Once upon", status="incomplete")], status="incomplete",
                          incomplete_details={"reason": "max_output_tokens"})
    events = text_stream_events(["Once", " upon"], final=ended)
    events[-1]["type"] = "response.incomplete"
    body = sse(events)

    def transport() -> httpx.MockTransport:
        return httpx.MockTransport(lambda request: httpx.Response(
            200, content=body, headers={"content-type": "text/event-stream"}))

    import openai

    official = openai.OpenAI(api_key=API_KEY, max_retries=0, http_client=httpx.Client(transport=transport()))
    with official.responses.stream(model="gpt-4o", input=PROMPT) as theirs:
        list(theirs)
        with pytest.raises(RuntimeError) as expected:
            theirs.get_final_response()
    client = _client(kind, transport())
    with pytest.raises(RuntimeError) as caught:
        await _read(kind, client.responses.stream(model="gpt-4o", input=PROMPT))
    assert str(caught.value) == str(expected.value) == "Didn't receive a `response.completed` event."
    manager = client.responses.stream(model="gpt-4o", input=PROMPT)
    if kind == "async":
        async with manager as stream:
            await stream.until_done()
            snapshot = stream.current_response_snapshot
    else:
        with manager as stream:
            snapshot = stream.until_done().current_response_snapshot
    assert snapshot is not None and snapshot.status == "incomplete"
    assert snapshot.incomplete_details is not None and snapshot.incomplete_details.reason == "max_output_tokens"
    assert snapshot.output_text == "Once upon"
    # ``create(stream=True)`` has no such helper: its stream ends normally, the incomplete response final.
    plain = await invoke(client, "responses.create", model="gpt-4o", input=PROMPT, stream=True)
    final = await plain.get_final_response() if kind == "async" else plain.get_final_response()
    assert final.status == "incomplete"
    # ``Stream.usage`` of a Responses stream is the response's ``ResponseUsage`` (typed so too:
    # tests/typing/check_responses_types.py).
    from gptkit.types.responses import ResponseUsage

    assert isinstance(plain.usage, ResponseUsage) and plain.usage == final.usage
    await close(client)
