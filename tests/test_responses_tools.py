"""``client.responses.run_tools``: the tool loop of the Responses API over the transport seam."""

from __future__ import annotations

import asyncio
import json
import warnings
from decimal import Decimal
from typing import Any

import httpx
import pydantic
import pytest

import gptkit
from gptkit import (
    GptkitError,
    InvalidParameterError,
    LengthFinishReasonError,
    ResponsesToolRunResult,
    ToolRoundsExceededError,
)
from gptkit.testing import FakeOpenAI, Fault
from gptkit.types.responses import ParsedResponse, Response
from tests.helpers import API_KEY, Recorder, close, invoke
from tests.responses_helpers import response_body

CALLED: list[str] = []


def get_weather(city: str) -> str:
    """Current weather of a city."""
    CALLED.append(f"weather:{city}")
    return f"{city}: 4 °C, light snow"


async def local_time(city: str, *, hour24: bool = True) -> dict[str, Any]:
    """Local time of a city."""
    await asyncio.sleep(0)
    CALLED.append(f"time:{city}")
    return {"city": city, "time": "14:05" if hour24 else "2:05 PM"}


class Summary(pydantic.BaseModel):
    text: str


def _client(kind: str, transport: Any, **options: Any) -> Any:
    cls = gptkit.Client if kind == "sync" else gptkit.AsyncClient
    if "retry" not in options:
        options.setdefault("max_retries", 0)
    return cls(api_key=API_KEY, transport=transport, **options)


def _script_two_calls(fake: FakeOpenAI) -> None:
    fake.respond(tool_calls=[{"name": "get_weather", "arguments": {"city": "Oslo"}, "id": "call_w"},
                             {"name": "local_time", "arguments": {"city": "Oslo"}, "id": "call_t"}],
                 path="/responses")


@pytest.fixture(autouse=True)
def _clear_calls() -> None:
    CALLED.clear()


async def test_previous_response_id_chain_sends_only_the_tool_outputs(kind: str) -> None:
    fake = FakeOpenAI()
    _script_two_calls(fake)
    client = _client(kind, fake)
    run = await invoke(client, "responses.run_tools", model="gpt-4o", instructions="Be brief.",
                       input="Weather and time in Oslo?", tools=[get_weather, local_time], max_rounds=3)
    assert isinstance(run, ResponsesToolRunResult) and run.rounds == 2
    assert CALLED == ["weather:Oslo", "time:Oslo"]  # in the model's order, sync and async alike
    first, second = (r.body for r in list(fake.requests)[-2:])
    assert first["input"] == "Weather and time in Oslo?" and "previous_response_id" not in first
    assert [t["name"] for t in first["tools"]] == ["get_weather", "local_time"]
    assert first["tools"][0]["strict"] is True and "function" not in first["tools"][0]
    assert second["previous_response_id"] == run.responses[0].id
    assert second["instructions"] == "Be brief."  # instructions do not carry over: sent again
    assert second["input"] == [
        {"type": "function_call_output", "call_id": "call_w", "output": "Oslo: 4 °C, light snow"},
        {"type": "function_call_output", "call_id": "call_t", "output": '{"city":"Oslo","time":"14:05"}'},
    ]
    assert isinstance(run.response, ParsedResponse) and run.output_text == run.responses[-1].output_text
    assert run.output_text.startswith("Echo: the result")
    # The whole conversation: input, the calls, their outputs, the answer.
    assert [item.get("type", "message") for item in run.input] == [
        "message", "function_call", "function_call", "function_call_output", "function_call_output", "message"]
    # Cost: both rounds, summed, and each in the ledger.
    assert run.cost is not None
    assert run.cost.total == sum((r.cost.total for r in run.responses), Decimal(0))
    assert client.ledger.total_cost == run.cost.total
    await close(client)


async def test_input_chain_sends_the_whole_conversation(kind: str) -> None:
    fake = FakeOpenAI()
    _script_two_calls(fake)
    client = _client(kind, fake)
    run = await invoke(client, "responses.run_tools", model="gpt-4o", input=[
        {"role": "user", "content": "Weather and time in Oslo?"}], tools=[get_weather, local_time],
        store=False)
    second = fake.requests[-1].body
    assert "previous_response_id" not in second and second["store"] is False
    kinds = [item.get("type", "message") for item in second["input"]]
    assert kinds == ["message", "function_call", "function_call", "function_call_output", "function_call_output"]
    call = second["input"][1]
    assert call["call_id"] == "call_w" and call["name"] == "get_weather" and json.loads(call["arguments"]) == {
        "city": "Oslo"}
    assert run.input[:-1] == second["input"] and run.rounds == 2
    # chain="input" can be chosen with stored responses too.
    _script_two_calls(fake)
    await invoke(client, "responses.run_tools", model="gpt-4o", input="again", tools=[get_weather, local_time],
                 chain="input")
    assert "previous_response_id" not in fake.requests[-1].body
    assert len(fake.requests[-1].body["input"]) == 5
    await close(client)


async def test_a_conversation_carries_the_turns(kind: str) -> None:
    fake = FakeOpenAI()
    _script_two_calls(fake)
    client = _client(kind, fake)
    await invoke(client, "responses.run_tools", model="gpt-4o", input="Weather?", conversation="conv_1",
                 tools=[get_weather, local_time])
    second = fake.requests[-1].body
    assert second["conversation"] == "conv_1" and "previous_response_id" not in second
    assert [item["type"] for item in second["input"]] == ["function_call_output", "function_call_output"]
    await close(client)


async def test_the_final_answer_is_parsed_with_text_format(kind: str) -> None:
    fake = FakeOpenAI()
    fake.respond(tool_calls=[{"name": "get_weather", "arguments": {"city": "Oslo"}}])
    client = _client(kind, fake)
    run = await invoke(client, "responses.run_tools", model="gpt-4o", input="Weather?", tools=[get_weather],
                       text_format=Summary)
    assert fake.requests[-1].body["text"]["format"]["name"] == "Summary"
    assert isinstance(run.output_parsed, Summary) and run.output_parsed is run.response.output_parsed
    await close(client)


async def test_bad_arguments_and_unknown_tools_are_sent_back(kind: str) -> None:
    fake = FakeOpenAI()
    fake.respond(tool_calls=[{"name": "get_weather", "arguments": '{"town": "Oslo"}', "id": "c1"},
                             {"name": "launch", "arguments": "{}", "id": "c2"}])
    client = _client(kind, fake)
    run = await invoke(client, "responses.run_tools", model="gpt-4o", input="x", tools=[get_weather])
    outputs = fake.requests[-1].body["input"]
    assert outputs[0]["call_id"] == "c1" and outputs[0]["output"].startswith(
        "Error: invalid arguments for 'get_weather': city: Field required")
    assert outputs[1] == {"type": "function_call_output", "call_id": "c2",
                          "output": "Error: there is no tool named 'launch'. Tools: get_weather."}
    assert CALLED == [] and run.rounds == 2
    await close(client)


async def test_max_rounds_exceeded_carries_the_conversation_and_response(kind: str) -> None:
    fake = FakeOpenAI()
    client = _client(kind, fake)
    with pytest.raises(ToolRoundsExceededError) as caught:  # tool_choice="required" never answers
        await invoke(client, "responses.run_tools", model="gpt-4o", input="x", tools=[get_weather],
                     tool_choice="required", max_rounds=2)
    exc = caught.value
    assert exc.max_rounds == 2 and isinstance(exc.response, Response) and exc.completion is None
    assert exc.messages[-1]["type"] == "function_call" and len(CALLED) == 1  # the last calls are not run
    assert len([r for r in fake.requests if r.path.endswith("/responses")]) == 2
    await close(client)


async def test_a_round_cut_off_or_failed_raises(kind: str) -> None:
    cut = response_body(status="incomplete", incomplete_details={"reason": "max_output_tokens"})
    failed = response_body([], status="failed", error={"code": "server_error", "message": "The model crashed."})
    client = _client(kind, Recorder(httpx.Response(200, json=cut), httpx.Response(200, json=failed)).transport)
    with pytest.raises(LengthFinishReasonError) as caught:
        await invoke(client, "responses.run_tools", model="gpt-4o", input="x", tools=[get_weather])
    assert caught.value.response is not None and caught.value.response.status == "incomplete"
    with pytest.raises(GptkitError, match=r"failed.*The model crashed"):
        await invoke(client, "responses.run_tools", model="gpt-4o", input="x", tools=[get_weather])
    await close(client)


async def test_tool_exceptions_propagate(kind: str) -> None:
    def broken(city: str) -> str:
        """Fails."""
        raise RuntimeError("database down")

    fake = FakeOpenAI()
    fake.respond(tool_calls=[{"name": "broken", "arguments": {"city": "Oslo"}}])
    client = _client(kind, fake)
    with pytest.raises(RuntimeError, match="database down"):
        await invoke(client, "responses.run_tools", model="gpt-4o", input="x", tools=[broken])
    await close(client)


async def test_each_round_goes_through_retry(kind: str) -> None:
    fake = FakeOpenAI()
    fake.respond(tool_calls=[{"name": "get_weather", "arguments": {"city": "Oslo"}}])
    fake.inject(Fault.server_error(503), times=1, when=lambda r: isinstance(r.body, dict) and "previous_response_id"
                in r.body)
    client = _client(kind, fake, retry=gptkit.RetryPolicy(max_attempts=3, initial_backoff=0, max_backoff=0))
    run = await invoke(client, "responses.run_tools", model="gpt-4o", input="x", tools=[get_weather])
    assert run.rounds == 2 and CALLED == ["weather:Oslo"]
    assert len([r for r in fake.requests if r.path.endswith("/responses")]) == 3
    await close(client)


@pytest.mark.parametrize(("kwargs", "param"), [
    ({"tools": []}, "tools"),
    ({"tools": [gptkit.pydantic_function_tool(Summary)]}, "tools.0"),
    ({"tools": [get_weather], "max_rounds": 0}, "max_rounds"),
    ({"tools": [get_weather], "background": True}, "background"),
    ({"tools": [get_weather], "store": False, "chain": "previous_response_id"}, "chain"),
    ({"tools": [get_weather], "conversation": "conv_1", "chain": "previous_response_id"}, "chain"),
    ({"tools": [get_weather], "chain": "sideways"}, "chain"),
    ({"tools": [get_weather], "stream": True}, "stream"),
    ({"tools": [get_weather], "temperature": 9}, "temperature"),
])
async def test_bad_input_raises_before_any_io(kind: str, kwargs: dict[str, Any], param: str) -> None:
    recorder = Recorder()
    client = _client(kind, recorder.transport)
    with pytest.raises(InvalidParameterError) as caught:
        await invoke(client, "responses.run_tools", model="gpt-4o", input="x", **kwargs)
    assert caught.value.param == param and recorder.requests == []
    await close(client)


def test_run_result_cost_is_none_when_a_round_has_no_price() -> None:
    fake = FakeOpenAI()
    fake.respond(tool_calls=[{"name": "get_weather", "arguments": {"city": "Oslo"}}])
    client = gptkit.Client(api_key=API_KEY, transport=fake)
    with warnings.catch_warnings():  # an unknown price warns once per process: maybe not here
        warnings.simplefilter("ignore", gptkit.UnknownPriceWarning)
        run = client.responses.run_tools(model="my-local-model", input="x", tools=[get_weather])
    assert run.rounds == 2 and run.cost is None


async def test_gptkit_built_tools_work_in_create_and_stream(kind: str) -> None:
    class Lookup(pydantic.BaseModel):
        city: str

    def get_weather(city: str) -> str:
        """The weather in a city."""
        return "sunny"

    fake = FakeOpenAI()
    client = fake.client() if kind == "sync" else fake.async_client()
    tools = [gptkit.pydantic_function_tool(Lookup), gptkit.function_tool(get_weather)]
    await invoke(client, "responses.create", model="gpt-4o", input="hi", tools=tools)
    with pytest.raises(gptkit.InvalidParameterError, match="chat completions shape"):
        await invoke(client, "responses.create", model="gpt-4o", input="hi",
                     tools=[{"type": "function", "function": {"name": "f", "parameters": {}}}])
    await close(client)
    sent = fake.requests[0].body["tools"]
    assert [t["name"] for t in sent] == ["Lookup", "get_weather"] and len(fake.requests) == 1
    assert all(t["type"] == "function" and "function" not in t and "parameters" in t for t in sent)
