"""``chat.completions.stream(...)`` and the static types of streaming calls."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

import gptkit
from gptkit.types import ChatCompletion, ChatCompletionChunk

from .helpers import Recorder, make_client
from .streams import ScriptedBody, sse, streaming_response

MSGS = [{"role": "user", "content": "hi"}]


def chunk(content: str | None = None, index: int = 0, finish: str | None = None) -> dict[str, Any]:
    delta = {} if content is None else {"content": content}
    return {"id": "c1", "object": "chat.completion.chunk", "created": 1, "model": "gpt-4o",
            "choices": [{"index": index, "delta": delta, "finish_reason": finish}]}


# two choices interleaved: text_stream follows the first only
BODY = sse(chunk("Hel"), chunk("Bon", 1), chunk("lo"), chunk("jour", 1), chunk(finish="stop"),
           chunk(None, 1, "stop"),
           {"id": "c1", "object": "chat.completion.chunk", "created": 1, "model": "gpt-4o", "choices": [],
            "usage": {"prompt_tokens": 3, "completion_tokens": 4, "total_tokens": 7}})


def _recorder(bodies: list[ScriptedBody]) -> Recorder:
    def handler(request: httpx.Request) -> httpx.Response:
        response, body = streaming_response(BODY)
        bodies.append(body)
        return response

    return Recorder(handler)


def test_sync_stream_helper_text_stream_and_final() -> None:
    bodies: list[ScriptedBody] = []
    recorder = _recorder(bodies)
    client = make_client("sync", recorder)
    assert isinstance(client, gptkit.Client)
    manager = client.chat.completions.stream(model="gpt-4o", messages=MSGS, n=2)
    assert recorder.requests == []  # nothing is sent before the block is entered
    with manager as stream:
        assert isinstance(stream, gptkit.ChatCompletionStream)
        assert "".join(stream.text_stream) == "Hello"
        final = stream.get_final_completion()
    assert isinstance(final, ChatCompletion)
    assert [c.message.content for c in final.choices] == ["Hello", "Bonjour"]
    assert stream.usage is not None and stream.usage.total_tokens == 7
    # gptkit asked for the usage itself: the final completion has none, as the official helper's
    # (the stream keeps it, and the cost)
    assert final.usage is None and stream.cost is not None and final.cost == stream.cost
    assert recorder.json()["stream"] is True and bodies[0].closed
    client.close()


def test_sync_stream_helper_chunks_and_early_exit() -> None:
    bodies: list[ScriptedBody] = []
    client = make_client("sync", _recorder(bodies))
    assert isinstance(client, gptkit.Client)
    with client.chat.completions.stream(model="gpt-4o", messages=MSGS) as stream:
        first = next(iter(stream))
        assert first.type == "chunk" and isinstance(first.chunk, ChatCompletionChunk)
        assert first.snapshot.choices[0].message.content == "Hel"
    assert bodies[0].closed
    # without iterating, get_final_completion reads the whole stream
    with client.chat.completions.stream(model="gpt-4o", messages=MSGS) as stream:
        assert stream.get_final_completion().choices[0].message.content == "Hello"
    client.close()


async def test_async_stream_helper() -> None:
    bodies: list[ScriptedBody] = []
    client = make_client("async", _recorder(bodies))
    assert isinstance(client, gptkit.AsyncClient)
    async with client.chat.completions.stream(model="gpt-4o", messages=MSGS, n=2) as stream:
        assert isinstance(stream, gptkit.AsyncChatCompletionStream)
        texts = [t async for t in stream.text_stream]
        final = await stream.get_final_completion()
    assert texts == ["Hel", "lo"]
    assert [c.message.content for c in final.choices] == ["Hello", "Bonjour"]
    assert final.usage is None and stream.usage is not None and stream.usage.total_tokens == 7
    assert bodies[0].closed
    async with client.chat.completions.stream(model="gpt-4o", messages=MSGS, n=2) as stream:
        events = [e async for e in stream]
    # each chunk, then what it adds: the usage chunk stays hidden (gptkit asked for it)
    assert [e.type for e in events] == [
        "chunk", "content.delta", "chunk", "content.delta", "chunk", "content.delta",
        "chunk", "content.delta", "chunk", "content.done", "chunk", "content.done"]
    assert [(e.delta, e.snapshot) for e in events if e.type == "content.delta"] == [
        ("Hel", "Hel"), ("Bon", "Bon"), ("lo", "Hello"), ("jour", "Bonjour")]
    assert stream.current_completion_snapshot.choices[1].message.content == "Bonjour"
    await client.aclose()


@pytest.mark.parametrize("kind", ["sync", "async"])
async def test_stream_helper_final_usage_when_the_caller_asks_for_it(kind: str) -> None:
    client = make_client(kind, _recorder([]))
    options = {"stream_options": {"include_usage": True}}
    if isinstance(client, gptkit.Client):
        with client.chat.completions.stream(model="gpt-4o", messages=MSGS, **options) as stream:
            final = stream.get_final_completion()
        client.close()
    else:
        async with client.chat.completions.stream(model="gpt-4o", messages=MSGS, **options) as astream:
            final = await astream.get_final_completion()
        await client.aclose()
    assert final.usage is not None and final.usage.total_tokens == 7


def test_stream_helper_validates_before_any_io() -> None:
    recorder = Recorder(httpx.Response(500))
    client = make_client("sync", recorder)
    assert isinstance(client, gptkit.Client)
    with pytest.raises(gptkit.InvalidParameterError):
        client.chat.completions.stream(model="gpt-4o", messages=MSGS, temperature="hot")  # type: ignore[typeddict-item]
    assert recorder.requests == []
    client.close()
