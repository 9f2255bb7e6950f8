"""The Responses stream accumulator: events in, the final (or partial) ``Response`` out."""

from __future__ import annotations

import time
from typing import Any

import pydantic
import pytest

from gptkit._responses._accumulate import ResponseAccumulator
from gptkit._streams._sse import SSEDecoder
from gptkit.types.responses import Response, ResponseStreamEvent
from tests.responses_helpers import (
    function_call_events,
    message,
    numbered,
    reasoning_and_search_events,
    response_body,
    sse,
    text_stream_events,
)

_ADAPTER: pydantic.TypeAdapter[Any] = pydantic.TypeAdapter(ResponseStreamEvent)


def typed(events: list[dict[str, Any]]) -> list[Any]:
    return [_ADAPTER.validate_python(e) for e in events]


def run(events: list[dict[str, Any]]) -> ResponseAccumulator:
    acc = ResponseAccumulator()
    for event in typed(events):
        acc.add(event)
    return acc


def dumped(response: Response) -> dict[str, Any]:
    return response.model_dump(mode="json", exclude_unset=True)


@pytest.mark.parametrize("events", [text_stream_events(["Once", " upon", " a time."]), function_call_events(),
                                    reasoning_and_search_events()], ids=["text", "function_call", "reasoning"])
def test_the_final_response_is_the_one_the_stream_ended_with(events: list[dict[str, Any]]) -> None:
    acc = run(events)
    assert acc.done
    assert dumped(acc.final()) == dumped(Response.model_validate(events[-1]["response"]))
    assert acc.last_sequence_number == len(events) - 1
    assert acc.response_id == "resp_67ccd2bed1ec8190"


def test_decoded_from_the_wire() -> None:
    events = text_stream_events(["Hel", "lo ", "wor", "ld"])
    decoder = SSEDecoder()
    acc = ResponseAccumulator()
    raw = sse(events)
    for start in range(0, len(raw), 7):  # the bytes arrive in awkward pieces
        for event in decoder.feed(raw[start:start + 7]):
            acc.add(_ADAPTER.validate_json(event.data))
    assert acc.final().output_text == "Hello world"


def test_a_stream_cut_midway_gives_the_text_so_far() -> None:
    events = text_stream_events(["Once", " upon", " a time."])
    cut = next(i for i, e in enumerate(events) if e.get("delta") == " upon") + 1
    acc = run(events[:cut])
    assert not acc.done
    partial = acc.final()
    assert partial.output_text == "Once upon"
    assert partial.status == "in_progress" and partial.id == "resp_67ccd2bed1ec8190"
    assert partial.usage is None
    assert acc.snapshot().output_text == "Once upon"


def test_partial_function_call_arguments_and_reasoning() -> None:
    events = function_call_events()
    acc = run(events[:5])  # created, in_progress, item added, two argument deltas
    call = acc.final().output[0]
    assert call.type == "function_call"
    assert (call.name, call.arguments, call.status) == ("get_weather", '{"city":', "in_progress")
    events = reasoning_and_search_events()
    acc = run(events[:5])
    assert acc.final().output[0].summary[0].text == "Look it up."


def test_partial_annotations_and_hosted_tool_progress() -> None:
    events = reasoning_and_search_events()
    searching = next(i for i, e in enumerate(events) if e["type"] == "response.web_search_call.searching")
    assert run(events[:searching + 1]).final().output[1].status == "searching"
    annotated = next(i for i, e in enumerate(events) if e["type"] == "response.output_text.annotation.added")
    partial = run(events[:annotated + 1]).final()
    part = partial.output[2].content[0]
    assert part.text == "Sunny"
    assert [a.url for a in part.annotations] == ["https://meteo.example"]


def test_refusals_are_accumulated() -> None:
    refusal = {"type": "message", "id": "msg_1", "status": "completed", "role": "assistant",
               "content": [{"type": "refusal", "refusal": "I can't help with that."}]}
    final = response_body([refusal])
    events = numbered([
        {"type": "response.created", "response": {**final, "status": "in_progress", "output": []}},
        {"type": "response.output_item.added", "output_index": 0, "item": {**refusal, "content": []}},
        {"type": "response.content_part.added", "item_id": "msg_1", "output_index": 0, "content_index": 0,
         "part": {"type": "refusal", "refusal": ""}},
        {"type": "response.refusal.delta", "item_id": "msg_1", "output_index": 0, "content_index": 0,
         "delta": "I can't"},
        {"type": "response.refusal.delta", "item_id": "msg_1", "output_index": 0, "content_index": 0,
         "delta": " help with that."},
    ])
    part = run(events).final().output[0].content[0]
    assert (part.type, part.refusal) == ("refusal", "I can't help with that.")


def test_replayed_events_are_taken_once() -> None:
    events = typed(text_stream_events(["a", "b", "c"]))
    acc = ResponseAccumulator()
    for event in events[:6]:
        acc.add(event)
    assert acc.last_sequence_number == 5
    assert acc.seen(events[3]) and acc.seen(events[5]) and not acc.seen(events[6])
    for event in events[2:]:  # a resumption that starts too early, or a duplicated delivery
        acc.add(event)
    assert acc.final().output_text == "abc"
    resumed = ResponseAccumulator()
    for event in [*events[:5], *events[5:]]:  # starting_after=4: nothing repeated, nothing lost
        resumed.add(event)
    assert dumped(resumed.final()) == dumped(acc.final())


def test_events_without_sequence_numbers_are_all_taken() -> None:
    events = text_stream_events(["x", "y"])
    for event in events:
        del event["sequence_number"]
    acc = run(events)
    assert acc.final().output_text == "xy" and acc.last_sequence_number is None


@pytest.mark.parametrize(("status", "extra", "problem"), [
    ("failed", {"error": {"code": "server_error", "message": "Boom."}}, "failed: server_error: Boom."),
    ("incomplete", {"incomplete_details": {"reason": "max_output_tokens"}}, "incomplete: max_output_tokens"),
])
def test_failed_and_incomplete_ends(status: str, extra: dict[str, Any], problem: str) -> None:
    events = text_stream_events(["Once", " upon"])
    final = response_body([message("Once upon", status="incomplete")], status=status, **extra)
    events[-1] = {"type": f"response.{status}", "response": final, "sequence_number": len(events) - 1}
    acc = run(events)
    assert acc.done and acc.final().status == status and acc.final().problem == problem
    assert acc.final().output_text == "Once upon"


def test_error_events_and_unknown_events() -> None:
    events = text_stream_events(["a"])
    events.insert(3, {"type": "response.hologram.progress", "output_index": 0, "frames": 3})
    events.insert(5, {"type": "error", "code": "server_error", "message": "Hiccup.", "param": None})
    numbered(events)
    acc = run(events)
    assert acc.error is not None and acc.error.message == "Hiccup."
    assert acc.final().output_text == "a" and acc.last_sequence_number == len(events) - 1


def test_a_bare_terminal_response_gets_the_streamed_items() -> None:
    events = text_stream_events(["only ", "deltas"])
    events[-1]["response"] = {**events[-1]["response"], "output": []}
    assert run(events).final().output_text == "only deltas"


def test_missing_item_announcements_do_not_lose_text() -> None:
    events = numbered([
        {"type": "response.created", "response": response_body([], status="in_progress", usage=None)},
        {"type": "response.output_text.delta", "item_id": "msg_9", "output_index": 0, "content_index": 0,
         "delta": "straight to deltas"},
    ])
    partial = run(events).final()
    assert partial.output_text == "straight to deltas" and partial.output[0].id == "msg_9"


def test_accumulation_is_linear() -> None:
    events = typed(text_stream_events(["x"] * 20_000))
    acc = ResponseAccumulator()
    start = time.perf_counter()
    for event in events:
        acc.add(event)
    partial = acc.snapshot()
    assert time.perf_counter() - start < 2.0
    assert len(partial.output_text) == 20_000
