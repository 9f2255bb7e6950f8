"""``chat.completions.parse`` over the transport seam, for Client and AsyncClient."""

from __future__ import annotations

import json
from typing import Any, cast

import httpx
import pytest
from openai.lib._parsing._completions import type_to_response_format_param
from pydantic import BaseModel

import gptkit
from gptkit.types import ParsedChatCompletion

from .helpers import Recorder, chat_body, close, invoke, make_client

MSGS = [{"role": "user", "content": "Extract the event."}]


class Person(BaseModel):
    name: str


class Event(BaseModel):
    """A calendar event."""

    title: str
    attendees: list[Person]
    room: str | None = None


def reply(message: dict[str, Any], finish_reason: str = "stop", n: int = 1) -> httpx.Response:
    body = chat_body()
    body["choices"] = [
        {"index": i, "message": {"role": "assistant", **message}, "finish_reason": finish_reason}
        for i in range(n)
    ]
    return httpx.Response(200, json=body, headers={"x-request-id": "req_parse"})


EVENT_JSON = json.dumps({"title": "Standup", "attendees": [{"name": "Ana"}, {"name": "Kwame"}], "room": None})


async def test_parse_returns_typed_model_and_sends_strict_schema(kind: str) -> None:
    rec = Recorder(reply({"content": EVENT_JSON}, n=2))
    client = make_client(kind, rec)
    completion = await invoke(client, "chat.completions.parse", model="gpt-4o", messages=MSGS,
                              response_format=Event, temperature=0)
    await close(client)
    assert isinstance(completion, ParsedChatCompletion)
    for choice in completion.choices:
        event = choice.message.parsed
        assert isinstance(event, Event)
        assert event == Event(title="Standup", attendees=[Person(name="Ana"), Person(name="Kwame")])
    assert completion.choices[0].message.content == EVENT_JSON
    assert completion.request_id == "req_parse"
    assert completion.usage is not None and completion.usage.total_tokens == 12
    sent = rec.json()
    # What the official package sends for the same model; the schema with its key order too (the
    # envelope's keys come in the order of gptkit's parameter types, as for every parameter).
    official = type_to_response_format_param(Event)
    assert json.dumps(sent["response_format"], sort_keys=True) == json.dumps(official, sort_keys=True)
    assert json.dumps(sent["response_format"]["json_schema"]["schema"]) == json.dumps(
        cast(Any, official)["json_schema"]["schema"])
    assert sent["response_format"]["json_schema"]["schema"]["title"] == "Event"
    assert sent["temperature"] == 0 and sent["messages"] == MSGS and "stream" not in sent


async def test_refusal_fills_refusal_and_leaves_parsed_none(kind: str) -> None:
    rec = Recorder(reply({"content": None, "refusal": "I can't help with that."}))
    client = make_client(kind, rec)
    completion = await invoke(client, "chat.completions.parse", model="gpt-4o", messages=MSGS,
                              response_format=Event)
    await close(client)
    message = completion.choices[0].message
    assert message.refusal == "I can't help with that." and message.parsed is None


@pytest.mark.parametrize(
    ("finish_reason", "error"),
    [("length", gptkit.LengthFinishReasonError), ("content_filter", gptkit.ContentFilterFinishReasonError)],
)
async def test_cut_off_or_filtered_output_raises(kind: str, finish_reason: str, error: type[Exception]) -> None:
    rec = Recorder(reply({"content": '{"title": "Stand'}, finish_reason=finish_reason))
    client = make_client(kind, rec)
    with pytest.raises(error) as info:
        await invoke(client, "chat.completions.parse", model="gpt-4o", messages=MSGS, response_format=Event)
    await close(client)
    assert isinstance(info.value, gptkit.GptkitError)
    completion = info.value.completion  # type: ignore[attr-defined]
    assert completion.choices[0].message.content == '{"title": "Stand'
    assert finish_reason in str(info.value)


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ('{"title": "Standup", "attendees": [', "not valid JSON"),
        ('{"title": "Standup", "attendees": "nobody", "room": null}', "does not match Event: 'attendees'"),
    ],
)
async def test_invalid_json_or_mismatch_raises_with_raw_text(kind: str, content: str, words: str) -> None:
    rec = Recorder(reply({"content": content}))
    client = make_client(kind, rec)
    with pytest.raises(gptkit.StructuredOutputError) as info:
        await invoke(client, "chat.completions.parse", model="gpt-4o", messages=MSGS, response_format=Event)
    await close(client)
    assert info.value.raw == content
    assert words in str(info.value)
    assert info.value.errors and info.value.tool_name is None
    assert info.value.completion is not None and info.value.completion.id == "chatcmpl-1"


class GetWeather(BaseModel):
    city: str


def lookup(city: str, days: int) -> str:
    """Look up a forecast."""
    return f"{city}: {days}"


async def test_tool_call_arguments_are_parsed(kind: str) -> None:
    calls = [
        {"id": "call_1", "type": "function", "function": {"name": "GetWeather", "arguments": '{"city": "Oslo"}'}},
        {"id": "call_2", "type": "function", "function": {"name": "lookup", "arguments": '{"city": "Rome", "days": 2}'}},
        {"id": "call_3", "type": "function", "function": {"name": "plain", "arguments": '{"x": 1}'}},
    ]
    rec = Recorder(reply({"content": None, "tool_calls": calls}, finish_reason="tool_calls"))
    client = make_client(kind, rec)
    plain = {"type": "function", "function": {"name": "plain", "parameters": {"type": "object"}}}
    tools = [gptkit.pydantic_function_tool(GetWeather), gptkit.function_tool(lookup), plain]
    completion = await invoke(client, "chat.completions.parse", model="gpt-4o", messages=MSGS, tools=tools)
    await close(client)
    got = completion.choices[0].message.tool_calls
    assert got[0].function.parsed_arguments == GetWeather(city="Oslo")
    args = got[1].function.parsed_arguments
    assert (args.city, args.days) == ("Rome", 2)
    assert got[2].function.parsed_arguments is None  # a tool gptkit did not build: left alone
    assert completion.choices[0].message.parsed is None
    sent = rec.json()
    assert [t["function"]["name"] for t in sent["tools"]] == ["GetWeather", "lookup", "plain"]
    assert sent["tools"][0]["function"]["strict"] is True
    assert sent["tools"][0]["function"]["parameters"]["additionalProperties"] is False
    assert "response_format" not in sent


async def test_invalid_tool_arguments_raise(kind: str) -> None:
    calls = [{"id": "c", "type": "function", "function": {"name": "GetWeather", "arguments": '{"town": 1}'}}]
    rec = Recorder(reply({"content": None, "tool_calls": calls}, finish_reason="tool_calls"))
    client = make_client(kind, rec)
    with pytest.raises(gptkit.StructuredOutputError) as info:
        await invoke(client, "chat.completions.parse", model="gpt-4o", messages=MSGS,
                     tools=[gptkit.pydantic_function_tool(GetWeather)])
    await close(client)
    assert info.value.tool_name == "GetWeather" and info.value.raw == '{"town": 1}'
    assert "tool call 'GetWeather'" in str(info.value)


async def test_dict_response_format_is_passed_through(kind: str) -> None:
    rec = Recorder(reply({"content": '{"a": 1}'}))
    client = make_client(kind, rec)
    fmt = {"type": "json_schema", "json_schema": {"name": "x", "schema": {"type": "object"}, "strict": False}}
    completion = await invoke(client, "chat.completions.parse", model="gpt-4o", messages=MSGS,
                              response_format=fmt)
    await close(client)
    assert rec.json()["response_format"] == fmt
    assert completion.choices[0].message.parsed is None
    assert completion.choices[0].message.content == '{"a": 1}'


class Bad(BaseModel):
    scores: dict[str, float]


@pytest.mark.parametrize(
    ("kwargs", "error", "words"),
    [
        ({"response_format": Bad}, gptkit.StrictSchemaError, "'Bad.scores'"),
        ({"response_format": 42}, gptkit.InvalidParameterError, "'response_format' must be"),
        ({"response_format": Event, "stream": True}, gptkit.InvalidParameterError, "'stream'"),
        ({"response_format": Event, "temperature": 9}, gptkit.InvalidParameterError, "'temperature'"),
    ],
)
async def test_bad_input_raises_before_any_io(
    kind: str, kwargs: dict[str, Any], error: type[Exception], words: str
) -> None:
    rec = Recorder(reply({"content": EVENT_JSON}))
    client = make_client(kind, rec)
    with pytest.raises(error, match=words):
        await invoke(client, "chat.completions.parse", model="gpt-4o", messages=MSGS, **kwargs)
    await close(client)
    assert rec.requests == []


async def test_with_raw_response_parse(kind: str) -> None:
    rec = Recorder(reply({"content": EVENT_JSON}))
    client = make_client(kind, rec)
    raw = await invoke(client, "chat.completions.with_raw_response.parse", model="gpt-4o", messages=MSGS,
                       response_format=Event)
    await close(client)
    assert isinstance(raw, gptkit.APIResponse) and raw.request_id == "req_parse"
    assert raw.parse().choices[0].message.parsed.title == "Standup"


async def test_server_errors_still_typed(kind: str) -> None:
    rec = Recorder(httpx.Response(400, json={"error": {"message": "Invalid schema", "param": "response_format"}}))
    client = make_client(kind, rec, max_retries=0)
    with pytest.raises(gptkit.BadRequestError, match="Invalid schema"):
        await invoke(client, "chat.completions.parse", model="gpt-4o", messages=MSGS, response_format=Event)
    await close(client)
