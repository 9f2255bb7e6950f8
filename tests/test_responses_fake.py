"""``FakeOpenAI`` serves the Responses API: its event streams, background jobs and faults."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pydantic
import pytest

from gptkit._responses._accumulate import ResponseAccumulator
from gptkit._streams._sse import SSEDecoder
from gptkit.testing import FakeOpenAI, Fault, VirtualClock
from gptkit.types.responses import Response, ResponseStreamEvent

_EVENTS: pydantic.TypeAdapter[Any] = pydantic.TypeAdapter(ResponseStreamEvent)


def _http(fake: FakeOpenAI) -> httpx.Client:
    return httpx.Client(transport=fake, base_url="http://fake/v1", headers={"authorization": "Bearer sk-x"})


def _stream(fake: FakeOpenAI, body: dict[str, Any]) -> tuple[list[Any], list[str]]:
    """The typed events of a streamed create, and their SSE ``event:`` names."""
    decoder = SSEDecoder()
    events: list[Any] = []
    names: list[str] = []
    with _http(fake) as http, http.stream("POST", "/responses", json={**body, "stream": True}) as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        try:
            for chunk in response.iter_bytes():
                for sse in decoder.feed(chunk):
                    names.append(sse.event)
                    events.append(_EVENTS.validate_json(sse.data))
        except httpx.TransportError:
            pass  # a cut stream: what arrived is what the test looks at
    return events, names


def _comparable(response: Response) -> dict[str, Any]:
    data = response.model_dump(mode="json")
    for key in ("id", "created_at", "completed_at"):
        data.pop(key)
    for item in data["output"]:
        item.pop("id", None)
    return data


def test_a_streamed_answer_has_the_apis_event_sequence() -> None:
    fake = FakeOpenAI()
    events, names = _stream(fake, {"model": "gpt-4o", "input": "Say hello to the world"})
    kinds = [e.type for e in events]
    assert kinds[:5] == ["response.created", "response.in_progress", "response.output_item.added",
                         "response.content_part.added", "response.output_text.delta"]
    assert kinds[-4:] == ["response.output_text.done", "response.content_part.done", "response.output_item.done",
                          "response.completed"]
    assert set(kinds[4:-4]) == {"response.output_text.delta"}
    assert names == kinds  # the event: line names each event
    assert [e.sequence_number for e in events] == list(range(len(events)))
    assert "".join(e.delta for e in events if e.type == "response.output_text.delta") == (
        "Echo: Say hello to the world")
    assert events[0].response.status == "in_progress" and events[0].response.usage is None


def test_the_streamed_final_response_equals_the_plain_one() -> None:
    fake = FakeOpenAI()
    body = {"model": "o4-mini", "input": "Compare", "reasoning": {"effort": "low", "summary": "auto"},
            "instructions": "Think first."}
    events, _ = _stream(fake, body)
    accumulator = ResponseAccumulator()
    for event in events:
        accumulator.add(event)
    with _http(fake) as http:
        plain = Response.model_validate(http.post("/responses", json=body).json())
    streamed = accumulator.final()
    assert _comparable(streamed) == _comparable(plain)
    assert [item.type for item in plain.output] == ["reasoning", "message"]
    assert plain.output[0].summary[0].text == "Thinking about: Compare"
    assert plain.usage is not None and plain.usage.reasoning_tokens == 64


def test_function_call_events() -> None:
    fake = FakeOpenAI()
    fake.respond(tool_calls=[{"name": "get_weather", "arguments": {"city": "Paris", "unit": "celsius"}}])
    events, _ = _stream(fake, {"model": "gpt-4o", "input": "Weather?", "tools": [
        {"type": "function", "name": "get_weather", "parameters": {"type": "object"}}]})
    kinds = [e.type for e in events]
    assert kinds[2] == "response.output_item.added" and events[2].item.arguments == ""
    deltas = [e.delta for e in events if e.type == "response.function_call_arguments.delta"]
    assert len(deltas) > 1
    done = next(e for e in events if e.type == "response.function_call_arguments.done")
    assert "".join(deltas) == done.arguments and json.loads(done.arguments)["city"] == "Paris"
    assert kinds[-2:] == ["response.output_item.done", "response.completed"]


@pytest.mark.parametrize(("fault", "lost"), [(Fault.truncate(after_chunks=7), "end"),
                                             (Fault.reset(after_chunks=7), "connection")])
def test_cut_streams_leave_a_partial_answer(fault: Fault, lost: str) -> None:
    fake = FakeOpenAI()
    fake.inject(fault, path="/responses")
    events, _ = _stream(fake, {"model": "gpt-4o", "input": "one two three four five six seven eight"})
    assert len(events) == 7 and events[-1].type == "response.output_text.delta"
    accumulator = ResponseAccumulator()
    for event in events:
        accumulator.add(event)
    partial = accumulator.final()
    assert not accumulator.done and partial.status == "in_progress"
    assert partial.output_text == "Echo: one two"


def test_a_mid_stream_error_is_the_apis_error_event() -> None:
    fake = FakeOpenAI()
    fake.inject(Fault.error_event(after_chunks=3), path="/responses")
    events, names = _stream(fake, {"model": "gpt-4o", "input": "hi"})
    assert names[-1] == "error" and events[-1].type == "error"
    assert events[-1].code == "server_error" and events[-1].sequence_number > events[-2].sequence_number


def test_background_streams_replay_after_a_sequence_number() -> None:
    fake = FakeOpenAI(response_time=None)
    events, _ = _stream(fake, {"model": "gpt-4o", "input": "long job", "background": True})
    assert [e.type for e in events[:3]] == ["response.created", "response.queued", "response.in_progress"]
    ident = events[0].response.id
    assert events[0].response.status == "queued"
    with _http(fake) as http, http.stream("GET", f"/responses/{ident}",
                                          params={"stream": "true", "starting_after": "4"}) as response:
        replay = [_EVENTS.validate_json(e.data) for chunk in [response.read()] for e in SSEDecoder().feed(chunk)]
    assert [e.sequence_number for e in replay] == list(range(5, len(events)))
    assert replay[-1].response.output_text == "Echo: long job"
    with _http(fake) as http:
        assert http.get(f"/responses/{ident}").json()["status"] == "queued"
        assert fake.finish_responses() == [ident]
        assert http.get(f"/responses/{ident}").json()["status"] == "completed"


def test_max_output_tokens_makes_an_incomplete_response() -> None:
    fake = FakeOpenAI()
    with _http(fake) as http:
        body = http.post("/responses", json={"model": "gpt-4o", "input": "x " * 200, "max_output_tokens": 16}).json()
    response = Response.model_validate(body)
    assert response.status == "incomplete" and response.problem == "incomplete: max_output_tokens"
    assert len(response.output_text) == 64 and response.output[0].status == "incomplete"


def test_json_schema_formats_get_a_matching_answer() -> None:
    fake = FakeOpenAI()
    schema = {"type": "object", "properties": {"city": {"type": "string"}, "temp": {"type": "integer"}},
              "required": ["city", "temp"], "additionalProperties": False}
    with _http(fake) as http:
        body = http.post("/responses", json={"model": "gpt-4o", "input": "weather", "text": {
            "format": {"type": "json_schema", "name": "w", "schema": schema, "strict": True}}}).json()
    assert json.loads(Response.model_validate(body).output_text) == {"city": "city", "temp": 0}


def test_requests_the_fake_refuses() -> None:
    fake = FakeOpenAI()
    with _http(fake) as http:
        missing = http.post("/responses", json={"input": "no model"})
        unknown = http.get("/responses/resp_nope")
        background = http.post("/responses", json={"model": "m", "input": "x", "background": True, "store": False})
    assert missing.status_code == 400 and missing.json()["error"]["param"] == "model"
    assert unknown.status_code == 404 and "resp_nope" in unknown.json()["error"]["message"]
    assert background.status_code == 400 and background.json()["error"]["param"] == "background"


def test_background_jobs_follow_the_fake_clock_by_default() -> None:
    fake = FakeOpenAI()  # response_time=1.0
    with VirtualClock() as clock, _http(fake) as http:
        ident = http.post("/responses", json={"model": "m", "input": "x", "background": True}).json()["id"]
        clock.advance(0.3)
        assert http.get(f"/responses/{ident}").json()["status"] == "in_progress"
        clock.advance(1.0)
        assert http.get(f"/responses/{ident}").json()["status"] == "completed"
