"""``client.responses.parse``: structured outputs of the Responses API over the transport seam."""

from __future__ import annotations

import json
from typing import Any

import httpx
import openai
import pydantic
import pytest

import gptkit
from gptkit import (
    ContentFilterFinishReasonError,
    InvalidParameterError,
    LengthFinishReasonError,
    StrictSchemaError,
    StructuredOutputError,
)
from gptkit.testing import FakeOpenAI
from gptkit.types.responses import (
    ParsedResponse,
    ParsedResponseFunctionToolCall,
    ParsedResponseOutputMessage,
    ParsedResponseOutputText,
    ResponseOutputRefusal,
)
from tests.helpers import API_KEY, Recorder, close, invoke
from tests.responses_helpers import message, response_body


class Person(pydantic.BaseModel):
    name: str


class Event(pydantic.BaseModel):
    """A calendar event."""

    title: str
    attendees: list[Person]
    room: str | None = None


class GetWeather(pydantic.BaseModel):
    """Current weather of a city."""

    city: str


def _client(kind: str, transport: Any) -> Any:
    cls = gptkit.Client if kind == "sync" else gptkit.AsyncClient
    return cls(api_key=API_KEY, transport=transport, max_retries=0)


async def test_parse_sends_a_strict_text_format_and_validates_the_answer(kind: str) -> None:
    fake = FakeOpenAI()
    client = _client(kind, fake)
    response = await invoke(client, "responses.parse", model="gpt-4o", input="Standup at 9:30 in B2, Ana.",
                            text_format=Event, text={"verbosity": "low"})
    sent = fake.requests[-1].body
    assert sent["text"]["verbosity"] == "low"
    fmt = sent["text"]["format"]
    assert fmt["type"] == "json_schema" and fmt["name"] == "Event" and fmt["strict"] is True
    assert fmt["schema"]["additionalProperties"] is False
    assert sorted(fmt["schema"]["required"]) == ["attendees", "room", "title"]  # strict: every field
    assert type(response) is ParsedResponse
    event = response.output_parsed
    assert isinstance(event, Event) and event == Event.model_validate_json(response.output_text)
    message_item = response.output[0]
    assert isinstance(message_item, ParsedResponseOutputMessage)
    part = message_item.content[0]
    assert isinstance(part, ParsedResponseOutputText) and part.parsed is event
    # What the client attached to the plain response is kept: cost, ledger, request id.
    assert response.cost is not None and response.cost.total > 0
    assert client.ledger.total_cost == response.cost.total
    assert response.request_id is not None and response.request_id.startswith("req_")
    await close(client)


async def test_parse_with_raw_response_keeps_the_http_response(kind: str) -> None:
    fake = FakeOpenAI()
    client = _client(kind, fake)
    raw = await invoke(client, "responses.with_raw_response.parse", model="gpt-4o", input="x",
                       text_format=Person)
    assert raw.http_response.status_code == 200
    parsed = raw.parse()
    assert isinstance(parsed, ParsedResponse) and isinstance(parsed.output_parsed, Person)
    await close(client)


async def test_a_refusal_is_not_an_error_and_output_parsed_is_none(kind: str) -> None:
    refusal = {"type": "message", "id": "msg_1", "status": "completed", "role": "assistant",
               "content": [{"type": "refusal", "refusal": "I can't help with that."}]}
    recorder = Recorder(httpx.Response(200, json=response_body([refusal])))
    client = _client(kind, recorder.transport)
    response = await invoke(client, "responses.parse", model="gpt-4o", input="x", text_format=Event)
    assert response.output_parsed is None
    part = response.output[0].content[0]
    assert isinstance(part, ResponseOutputRefusal) and part.refusal == "I can't help with that."
    await close(client)


@pytest.mark.parametrize(("reason", "error"), [("max_output_tokens", LengthFinishReasonError),
                                               ("content_filter", ContentFilterFinishReasonError)])
async def test_an_incomplete_response_raises_a_typed_error_with_the_response(
        kind: str, reason: str, error: type[Exception]) -> None:
    body = response_body([message('{"title": "Stand', status="incomplete")], status="incomplete",
                         incomplete_details={"reason": reason})
    client = _client(kind, Recorder(httpx.Response(200, json=body)).transport)
    with pytest.raises(error) as caught:
        await invoke(client, "responses.parse", model="gpt-4o", input="x", text_format=Event)
    exc: Any = caught.value
    assert exc.response.id == body["id"] and exc.response.status == "incomplete" and exc.completion is None
    assert reason in str(exc)
    await close(client)


async def test_the_fake_cut_off_by_max_output_tokens_raises_length_error(kind: str) -> None:
    fake = FakeOpenAI()
    fake.respond(content=json.dumps({"title": "x" * 400, "attendees": []}))
    client = _client(kind, fake)
    with pytest.raises(LengthFinishReasonError, match="max_output_tokens"):
        await invoke(client, "responses.parse", model="gpt-4o", input="x", text_format=Event,
                     max_output_tokens=16)
    await close(client)


@pytest.mark.parametrize(("text", "says"), [("not json", "not valid JSON"),
                                            ('{"title": 3}', "does not match Event")])
async def test_a_bad_answer_is_a_structured_output_error_with_the_raw_text(kind: str, text: str, says: str) -> None:
    fake = FakeOpenAI()
    fake.respond(content=text)
    client = _client(kind, fake)
    with pytest.raises(StructuredOutputError, match=says) as caught:
        await invoke(client, "responses.parse", model="gpt-4o", input="x", text_format=Event)
    assert caught.value.raw == text and caught.value.response is not None
    assert caught.value.response.output_text == text
    await close(client)


async def test_pydantic_tools_are_sent_in_the_responses_shape_and_parsed(kind: str) -> None:
    fake = FakeOpenAI()
    client = _client(kind, fake)
    response = await invoke(
        client, "responses.parse", model="gpt-4o", input="Weather in Oslo?",
        tools=[gptkit.pydantic_function_tool(GetWeather),  # chat shape: converted
               gptkit.pydantic_responses_function_tool(Person, name="lookup")],
        tool_choice={"type": "function", "name": "GetWeather"},
    )
    tools = fake.requests[-1].body["tools"]
    # The official package's tool for the model (its docstring on the tool and in the parameters).
    official = openai.pydantic_responses_function_tool(GetWeather)
    assert json.dumps(tools[0], sort_keys=True) == json.dumps(official, sort_keys=True)
    assert json.dumps(tools[0]["parameters"]) == json.dumps(official["parameters"])
    assert tools[0]["description"] == tools[0]["parameters"]["description"] == "Current weather of a city."
    assert tools[1]["name"] == "lookup" and "function" not in tools[1]
    call = response.output[0]
    assert isinstance(call, ParsedResponseFunctionToolCall) and call.name == "GetWeather"
    assert isinstance(call.parsed_arguments, GetWeather)
    assert call.parsed_arguments == GetWeather.model_validate_json(call.arguments)
    await close(client)


async def test_a_raw_strict_tool_gets_json_arguments_and_a_loose_one_none(kind: str) -> None:
    calls = [{"type": "function_call", "id": "fc_1", "call_id": "c1", "name": "strict_one",
              "arguments": '{"a": 1}', "status": "completed"},
             {"type": "function_call", "id": "fc_2", "call_id": "c2", "name": "loose_one",
              "arguments": '{"b": 2}', "status": "completed"}]
    recorder = Recorder(httpx.Response(200, json=response_body(calls)))
    client = _client(kind, recorder.transport)
    tools = [{"type": "function", "name": "strict_one", "parameters": {"type": "object"}, "strict": True},
             {"type": "function", "name": "loose_one", "parameters": {"type": "object"}, "strict": False}]
    response = await invoke(client, "responses.parse", model="gpt-4o", input="x", tools=tools)
    assert response.output[0].parsed_arguments == {"a": 1}
    assert response.output[1].parsed_arguments is None
    assert response.output_parsed is None  # no text_format
    await close(client)


async def test_bad_tool_arguments_are_a_structured_output_error_naming_the_tool(kind: str) -> None:
    fake = FakeOpenAI()
    fake.respond(tool_calls=[{"name": "GetWeather", "arguments": '{"town": "Oslo"}'}])
    client = _client(kind, fake)
    with pytest.raises(StructuredOutputError, match="GetWeather") as caught:
        await invoke(client, "responses.parse", model="gpt-4o", input="x",
                     tools=[gptkit.pydantic_responses_function_tool(GetWeather)])
    assert caught.value.tool_name == "GetWeather" and caught.value.raw == '{"town": "Oslo"}'
    await close(client)


class Loose(pydantic.BaseModel):
    data: dict[str, Any]


@pytest.mark.parametrize(("kwargs", "param"), [
    ({"text_format": Event, "text": {"format": {"type": "text"}}}, "text.format"),
    ({"text_format": dict}, "text_format"),
    ({"text_format": Event, "stream": True}, "stream"),
    ({"tools": [{"type": "function", "function": {"name": "f", "parameters": {}}}]}, "tools.0"),
])
async def test_bad_parse_arguments_raise_before_sending(kind: str, kwargs: dict[str, Any], param: str) -> None:
    recorder = Recorder()
    client = _client(kind, recorder.transport)
    with pytest.raises(InvalidParameterError) as caught:
        await invoke(client, "responses.parse", model="gpt-4o", input="x", **kwargs)
    assert caught.value.param == param and recorder.requests == []
    await close(client)


async def test_a_model_strict_mode_cannot_express_is_refused_before_sending(kind: str) -> None:
    recorder = Recorder()
    client = _client(kind, recorder.transport)
    with pytest.raises(StrictSchemaError, match="data"):
        await invoke(client, "responses.parse", model="gpt-4o", input="x", text_format=Loose)
    assert recorder.requests == []
    await close(client)


def test_parsed_output_goes_back_as_input_without_gptkit_fields() -> None:
    fake = FakeOpenAI()
    client = gptkit.Client(api_key=API_KEY, transport=fake)
    first = client.responses.parse(model="gpt-4o", input="x", text_format=Person,
                                   tools=[gptkit.pydantic_responses_function_tool(GetWeather)])
    client.responses.create(model="gpt-4o", input=[*first.output, {"role": "user", "content": "more"}],
                            store=False)
    sent = fake.requests[-1].body["input"][0]
    assert sent["type"] == "message" and "parsed" not in sent["content"][0]
    assert sent["content"][0]["text"] == first.output_text


def test_stream_with_text_format_finishes_as_a_parsed_response() -> None:
    fake = FakeOpenAI()
    with _client("sync", fake) as client:
        with client.responses.stream(model="gpt-4o", input="Standup at 9:30 in B2, Ana.",
                                     text_format=Event) as stream:
            text = "".join(stream.text_stream)
        response = stream.get_final_response()
    fmt = fake.requests[0].body["text"]["format"]
    assert fake.requests[0].body["stream"] is True and fmt["type"] == "json_schema" and fmt["name"] == "Event"
    assert type(response) is ParsedResponse and response.output_text == text
    assert isinstance(response.output_parsed, Event) and response.output_parsed == Event.model_validate_json(text)
    assert response.cost is not None and client.ledger.calls == 1


async def test_async_stream_with_text_format() -> None:
    fake = FakeOpenAI()
    async with _client("async", fake) as client:
        async with client.responses.stream(model="gpt-4o", input="Lunch with Bo.", text_format=Event) as stream:
            async for _event in stream:
                pass
        response = await stream.get_final_response()
    assert type(response) is ParsedResponse and isinstance(response.output_parsed, Event)
