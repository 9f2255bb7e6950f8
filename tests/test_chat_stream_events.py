"""The events of ``chat.completions.stream(...)``: the official package is the oracle.

The same chunks go through ``openai.lib.streaming.chat.ChatCompletionStreamState`` and gptkit's;
the events (types, order, fields) and the snapshots must be the same. Then the helper itself,
sync and async, over the transport seam.
"""

from __future__ import annotations

import json
from typing import Any

import openai
import pydantic
import pytest
from openai.lib.streaming.chat import ChatCompletionStreamState as OfficialState

import gptkit
from gptkit.lib.streaming.chat import ChatCompletionStreamState, ContentDeltaEvent
from gptkit.types.chat import ChatCompletionChunk

from .helpers import Recorder, close, make_client
from .streams import sse
from .test_streaming import MSGS, serve


class Weather(pydantic.BaseModel):
    city: str
    celsius: float


def chunk(index: int = 0, finish: str | None = None, logprobs: dict[str, Any] | None = None,
          **delta: Any) -> dict[str, Any]:
    choice: dict[str, Any] = {"index": index, "delta": delta, "finish_reason": finish}
    if logprobs is not None:
        choice["logprobs"] = logprobs
    return {"id": "c1", "object": "chat.completion.chunk", "created": 1, "model": "gpt-4o", "choices": [choice]}


def lp(token: str) -> list[dict[str, Any]]:
    return [{"token": token, "logprob": -0.5, "bytes": list(token.encode()), "top_logprobs": []}]


def tool(index: int, arguments: str, name: str | None = None, id: str | None = None) -> dict[str, Any]:
    part: dict[str, Any] = {"index": index, "function": {"arguments": arguments}}
    if name is not None:
        part.update(id=id or f"call_{index}", type="function")
        part["function"]["name"] = name
    return part


WEATHER = json.dumps({"city": "Oslo", "celsius": -3.5})
STRICT_TOOL = {"type": "function", "function": {"name": "lookup", "strict": True, "parameters": {
    "type": "object", "properties": {"q": {"type": "string"}}, "required": ["q"], "additionalProperties": False}}}
PLAIN_TOOL = {"type": "function", "function": {"name": "ping", "parameters": {"type": "object"}}}

SCENARIOS: dict[str, tuple[list[dict[str, Any]], dict[str, Any]]] = {
    "text with logprobs": ([
        chunk(role="assistant", content="", logprobs={"content": []}),
        chunk(content="Hel", logprobs={"content": lp("Hel")}),
        chunk(content="lo", logprobs={"content": lp("lo")}),
        chunk(finish="stop"),
    ], {}),
    "refusal with logprobs": ([
        chunk(role="assistant", refusal="I can", logprobs={"refusal": lp("I can")}),
        chunk(refusal="'t", logprobs={"refusal": lp("'t")}),
        chunk(finish="stop"),
    ], {}),
    "text then two tool calls": ([
        chunk(role="assistant", content="Let me look."),
        chunk(tool_calls=[tool(0, "", name="lookup")]),
        chunk(tool_calls=[tool(0, '{"q": ')]),
        chunk(tool_calls=[tool(0, '"rain"}')]),
        chunk(tool_calls=[tool(1, '{"x"', name="ping")]),
        chunk(tool_calls=[tool(1, ": 1}")]),
        chunk(finish="tool_calls"),
    ], {"input_tools": [STRICT_TOOL, PLAIN_TOOL]}),
    "two choices interleaved": ([
        chunk(content="Hel"), chunk(1, content="Bon"), chunk(content="lo"), chunk(1, content="jour"),
        chunk(finish="stop"), chunk(1, finish="stop"),
    ], {}),
    "structured output": ([
        *(chunk(content=WEATHER[i:i + 7]) for i in range(0, len(WEATHER), 7)),
        chunk(finish="stop"),
    ], {"response_format": Weather}),
}


def _summary(event: Any) -> Any:
    """What a program can read from an event (snapshots reduced to their messages)."""
    if event.type == "chunk":
        return ("chunk", event.chunk.choices[0].index if event.chunk.choices else None,
                [_message(c) for c in event.snapshot.choices])
    return event.type, event.model_dump(mode="json", warnings=False)  # the official warns on `parsed`


def _message(choice: Any) -> Any:
    message = choice.message
    parsed = message.parsed.model_dump() if isinstance(message.parsed, pydantic.BaseModel) else message.parsed
    calls = [(c.id, c.function.name, c.function.arguments, c.function.parsed_arguments)
             for c in message.tool_calls or ()]
    logprobs = choice.logprobs.model_dump(mode="json") if choice.logprobs is not None else None
    return (choice.index, choice.finish_reason, message.content, message.refusal, calls, parsed, logprobs)


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_events_match_the_official_state(name: str) -> None:
    chunks, options = SCENARIOS[name]
    official: Any = OfficialState(**options)
    ours: Any = ChatCompletionStreamState(**options)
    theirs_events, our_events = [], []
    for data in chunks:
        theirs_events += [_summary(e) for e in official.handle_chunk(
            openai.types.chat.ChatCompletionChunk.model_validate(data))]
        our_events += [_summary(e) for e in ours.handle_chunk(ChatCompletionChunk.model_validate(data))]
    assert our_events == theirs_events
    assert [_message(c) for c in ours.get_final_completion().choices] == [
        _message(c) for c in official.get_final_completion().choices]


def test_event_classes_print_and_import_as_the_official_ones() -> None:
    import openai.lib.streaming.chat as theirs

    import gptkit.lib.streaming.chat as mine

    assert sorted(n for n in dir(theirs) if not n.startswith("_")) <= sorted(mine.__all__)
    event = ContentDeltaEvent.model_construct(type="content.delta", delta="a", snapshot="ab", parsed=None)
    assert repr(event) == repr(theirs.ContentDeltaEvent.construct(
        type="content.delta", delta="a", snapshot="ab", parsed=None))


def test_a_cut_off_plain_stream_is_not_an_error() -> None:
    # Deliberately lenient where the official state raises LengthFinishReasonError: with nothing
    # to parse, a cut-off answer is still an answer (documented in docs/migration.md).
    state: Any = ChatCompletionStreamState()
    state.handle_chunk(ChatCompletionChunk.model_validate(chunk(content="Once upon")))
    state.handle_chunk(ChatCompletionChunk.model_validate(chunk(finish="length")))
    assert state.get_final_completion().choices[0].message.content == "Once upon"


def test_a_cut_off_structured_stream_raises_while_iterating() -> None:
    state: Any = ChatCompletionStreamState(response_format=Weather)
    state.handle_chunk(ChatCompletionChunk.model_validate(chunk(content='{"city": ')))
    with pytest.raises(gptkit.LengthFinishReasonError) as info:
        state.handle_chunk(ChatCompletionChunk.model_validate(chunk(finish="length")))
    assert info.value.completion.choices[0].message.content == '{"city": '


async def test_helper_yields_events_over_the_transport(kind: str) -> None:
    body = sse(*SCENARIOS["text then two tool calls"][0])
    client = make_client(kind, Recorder(serve(body)))
    manager = client.chat.completions.stream(model="gpt-4o", messages=MSGS, tools=[STRICT_TOOL, PLAIN_TOOL])
    if isinstance(client, gptkit.AsyncClient):
        async with manager as stream:
            events = [e async for e in stream]
            final = await stream.get_final_completion()
    else:
        with manager as stream:
            events = list(stream)
            final = stream.get_final_completion()
    await close(client)
    # a chunk's deltas come before the done events it causes (a new tool call ends the text)
    assert [e.type.removeprefix("tool_calls.function.") for e in events if e.type != "chunk"] == [
        "content.delta", "arguments.delta", "content.done", "arguments.delta", "arguments.delta",
        "arguments.delta", "arguments.done", "arguments.delta", "arguments.done"]
    done = [e for e in events if e.type == "tool_calls.function.arguments.done"]
    assert [(e.name, e.index, e.parsed_arguments) for e in done] == [("lookup", 0, {"q": "rain"}), ("ping", 1, None)]
    assert stream.current_completion_snapshot.choices[0].message.tool_calls is not None
    assert [c.function.arguments for c in final.choices[0].message.tool_calls or ()] == ['{"q": "rain"}', '{"x": 1}']
    assert [c.function.parsed_arguments for c in final.choices[0].message.tool_calls or ()] == [{"q": "rain"}, None]
    assert final.cost is not None  # the final completion is still the accounted one


async def test_helper_can_stop_and_resume(kind: str) -> None:
    body = sse(*SCENARIOS["structured output"][0])
    client = make_client(kind, Recorder(serve(body)))
    manager = client.chat.completions.stream(model="gpt-4o", messages=MSGS, response_format=Weather)
    partial: list[Any] = []
    if isinstance(client, gptkit.AsyncClient):
        async with manager as stream:
            async for event in stream:
                if event.type == "content.delta":
                    partial.append(event.parsed)
                    if event.parsed:
                        break
            final = await stream.get_final_completion()
    else:
        with manager as stream:
            for event in stream:
                if event.type == "content.delta":
                    partial.append(event.parsed)
                    if event.parsed:
                        break
            final = stream.get_final_completion()
    await close(client)
    # partial JSON, parsed as it grows (the official state parses nothing on the first chunk)
    assert partial == [None, {}, {"city": "Oslo"}]
    assert final.choices[0].message.parsed == Weather(city="Oslo", celsius=-3.5)


async def test_closing_from_another_task_mid_read_ends_the_loop() -> None:
    import asyncio

    from gptkit.testing import FakeOpenAI

    fake = FakeOpenAI(chunk_delay=0.05)
    async with fake.async_client() as client, client.chat.completions.stream(
            model="gpt-4o", messages=[{"role": "user", "content": "one two three four five six"}]) as stream:
        async def close_soon() -> None:
            await asyncio.sleep(0.12)
            await stream.close()  # while the loop below waits for the next chunk

        seen: list[Any] = []

        async def read_all() -> None:
            async for event in stream:
                seen.append(event)

        closer = asyncio.create_task(close_soon())
        with pytest.raises(gptkit.StreamInterruptedError):
            await read_all()
        await closer  # the close itself did not fail
    assert 0 < len(seen) < 20
