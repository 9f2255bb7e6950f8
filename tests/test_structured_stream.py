"""Streaming structured output: ``stream(..., response_format=Model)`` ends in a parsed object."""

from __future__ import annotations

import json
from typing import Any

import pydantic
import pytest

import gptkit

from .helpers import Recorder, close, make_client
from .streams import chunked, sse
from .test_streaming import MSGS, chunk, serve


class Weather(pydantic.BaseModel):
    city: str
    celsius: float


def _json_chunks(text: str, finish: str = "stop") -> list[dict[str, Any]]:
    pieces = [text[i : i + 5] for i in range(0, len(text), 5)]
    return [chunk(p) for p in pieces] + [chunk(finish=finish)]


async def _final(client: Any, **kwargs: Any) -> Any:
    manager = client.chat.completions.stream(model="gpt-4o", messages=MSGS, **kwargs)
    if isinstance(client, gptkit.AsyncClient):
        async with manager as stream:
            texts = [t async for t in stream.text_stream]
            return texts, await stream.get_final_completion()
    with manager as stream:
        texts = list(stream.text_stream)
        return texts, stream.get_final_completion()


async def test_stream_with_response_format_gives_the_parsed_object(kind: str) -> None:
    answer = json.dumps({"city": "Oslo", "celsius": -3.5})
    rec = Recorder(serve(*chunked(sse(*_json_chunks(answer)), 32)))
    client = make_client(kind, rec)
    texts, final = await _final(client, response_format=Weather)
    assert "".join(texts) == answer  # the JSON arrives as it is generated
    assert isinstance(final, gptkit.types.ParsedChatCompletion)
    assert final.choices[0].message.parsed == Weather(city="Oslo", celsius=-3.5)
    sent = rec.json()
    assert sent["stream"] is True
    assert sent["response_format"]["type"] == "json_schema"
    assert sent["response_format"]["json_schema"]["strict"] is True
    assert sent["response_format"]["json_schema"]["schema"]["required"] == ["city", "celsius"]
    await close(client)


async def test_structured_stream_cut_off_raises(kind: str) -> None:
    rec = Recorder(serve(sse(*_json_chunks('{"city": "Os', finish="length"))))
    client = make_client(kind, rec)
    with pytest.raises(gptkit.LengthFinishReasonError):
        await _final(client, response_format=Weather)
    await close(client)


async def test_structured_stream_mismatch_raises_with_raw_text(kind: str) -> None:
    rec = Recorder(serve(sse(*_json_chunks('{"city": "Oslo"}'))))
    client = make_client(kind, rec)
    with pytest.raises(gptkit.StructuredOutputError) as info:
        await _final(client, response_format=Weather)
    assert info.value.raw == '{"city": "Oslo"}'
    await close(client)


async def test_plain_stream_helper_is_not_parsed(kind: str) -> None:
    # Without response_format a cut-off answer is just an answer: no parsing, no error (and, as
    # with the official helper, a ParsedChatCompletion whose ``parsed`` is None).
    rec = Recorder(serve(sse(*_json_chunks("partial text", finish="length"))))
    client = make_client(kind, rec)
    texts, final = await _final(client)
    assert isinstance(final, gptkit.types.ParsedChatCompletion)
    assert final.choices[0].message.parsed is None
    assert final.choices[0].finish_reason == "length"
    assert "".join(texts) == "partial text"
    await close(client)


async def test_bad_model_is_refused_before_sending(kind: str) -> None:
    class Loose(pydantic.BaseModel):
        data: dict[str, Any]

    rec = Recorder(serve(sse(chunk("x"))))
    client = make_client(kind, rec)
    with pytest.raises(gptkit.StrictSchemaError):
        client.chat.completions.stream(model="gpt-4o", messages=MSGS, response_format=Loose)
    assert rec.requests == []
    await close(client)
