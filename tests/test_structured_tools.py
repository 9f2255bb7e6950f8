"""``chat.completions.run_tools``: the tool-call loop over the transport seam, both clients."""

from __future__ import annotations

import json
from typing import Any

import anyio
import httpx
import pytest
from pydantic import BaseModel

import gptkit

from .helpers import Recorder, chat_body, close, invoke, make_client

MSGS = [{"role": "user", "content": "Weather and time in Oslo?"}]
EXECUTED: list[tuple[str, Any]] = []


def get_weather(city: str, unit: str = "C") -> dict[str, Any]:
    """Current weather of a city."""
    EXECUTED.append(("get_weather", (city, unit)))
    return {"city": city, "temp": 21, "unit": unit}


async def get_time(city: str) -> str:
    """Local time of a city."""
    await anyio.sleep(0)  # really async: needs a running loop
    EXECUTED.append(("get_time", city))
    return "09:30"


class Answer(BaseModel):
    summary: str
    temp: int


def tool_call(call_id: str, name: str, arguments: dict[str, Any] | str) -> dict[str, Any]:
    args = arguments if isinstance(arguments, str) else json.dumps(arguments)
    return {"id": call_id, "type": "function", "function": {"name": name, "arguments": args}}


def reply(*, content: str | None = None, calls: list[dict[str, Any]] | None = None,
          finish: str | None = None) -> httpx.Response:
    body = chat_body()
    message: dict[str, Any] = {"role": "assistant", "content": content}
    if calls:
        message["tool_calls"] = calls
    body["choices"] = [{"index": 0, "message": message,
                        "finish_reason": finish or ("tool_calls" if calls else "stop")}]
    return httpx.Response(200, json=body)


ROUND_1 = reply(calls=[tool_call("call_w", "get_weather", {"city": "Oslo", "unit": "C"}),
                       tool_call("call_t", "get_time", {"city": "Oslo"})])
FINAL = json.dumps({"summary": "Sunny, 21C at 09:30", "temp": 21})


@pytest.fixture(autouse=True)
def _reset() -> None:
    EXECUTED.clear()


def check_two_rounds(rec: Recorder, result: gptkit.ToolRunResult[Any]) -> None:
    assert EXECUTED == [("get_weather", ("Oslo", "C")), ("get_time", "Oslo")]
    assert len(rec.requests) == 2 and result.rounds == 2
    first, second = rec.json(0), rec.json(1)
    assert first["messages"] == MSGS
    assert [t["function"]["name"] for t in first["tools"]] == ["get_weather", "get_time"]
    assert second["messages"] == [
        *MSGS,
        {"role": "assistant", "content": None,
         "tool_calls": [tool_call("call_w", "get_weather", {"city": "Oslo", "unit": "C"}),
                        tool_call("call_t", "get_time", {"city": "Oslo"})]},
        {"role": "tool", "tool_call_id": "call_w", "content": '{"city":"Oslo","temp":21,"unit":"C"}'},
        {"role": "tool", "tool_call_id": "call_t", "content": "09:30"},
    ]
    assert second["response_format"]["json_schema"]["name"] == "Answer"
    assert result.completion.choices[0].message.parsed == Answer(summary="Sunny, 21C at 09:30", temp=21)
    assert result.messages == [*second["messages"], {"role": "assistant", "content": FINAL}]
    assert len(result.completions) == 2


async def test_two_round_loop_with_sync_and_async_tools(kind: str) -> None:
    rec = Recorder(ROUND_1, reply(content=FINAL))
    client = make_client(kind, rec)
    tools = [gptkit.function_tool(get_weather), gptkit.function_tool(get_time)]
    result = await invoke(client, "chat.completions.run_tools", model="gpt-4o", messages=MSGS,
                          tools=tools, response_format=Answer, max_rounds=2)
    await close(client)
    check_two_rounds(rec, result)


async def test_plain_functions_are_tools(kind: str) -> None:
    # tools=[fn]: the same request and loop as with function_tool(fn), sync and async functions
    rec = Recorder(ROUND_1, reply(content=FINAL))
    client = make_client(kind, rec)
    result = await invoke(client, "chat.completions.run_tools", model="gpt-4o", messages=MSGS,
                          tools=[get_weather, get_time], response_format=Answer, max_rounds=2)
    await close(client)
    check_two_rounds(rec, result)
    assert rec.json(0)["tools"] == [gptkit.function_tool(get_weather), gptkit.function_tool(get_time)]


async def test_plain_functions_mix_with_function_tools_and_bound_methods(kind: str) -> None:
    class Clock:
        def now(self, city: str) -> str:
            """Local time of a city."""
            EXECUTED.append(("now", city))
            return "09:30"

    rec = Recorder(reply(calls=[tool_call("c1", "weather", {"city": "Oslo", "unit": "F"}),
                                tool_call("c2", "now", {"city": "Oslo"})]), reply(content="ok"))
    client = make_client(kind, rec)
    await invoke(client, "chat.completions.run_tools", model="gpt-4o", messages=MSGS,
                 tools=(gptkit.function_tool(get_weather, name="weather"), Clock().now))
    await close(client)
    assert EXECUTED == [("get_weather", ("Oslo", "F")), ("now", "Oslo")]
    assert [t["function"]["name"] for t in rec.json(0)["tools"]] == ["weather", "now"]
    assert rec.json(0)["tools"][1]["function"]["description"] == "Local time of a city."


def test_sync_client_outside_any_event_loop() -> None:
    # The plain sync path: the async tool runs on an event loop of its own in this thread.
    rec = Recorder(ROUND_1, reply(content=FINAL))
    client = make_client("sync", rec)
    assert isinstance(client, gptkit.Client)
    tools = [gptkit.function_tool(get_weather), gptkit.function_tool(get_time)]
    result = client.chat.completions.run_tools(model="gpt-4o", messages=MSGS, tools=tools,
                                               response_format=Answer)
    client.close()
    check_two_rounds(rec, result)


async def test_bad_arguments_are_sent_back_to_the_model(kind: str) -> None:
    rec = Recorder(
        reply(calls=[tool_call("c1", "get_weather", '{"city": 5'), tool_call("c2", "nope", {})]),
        reply(content="done"),
    )
    client = make_client(kind, rec)
    result = await invoke(client, "chat.completions.run_tools", model="gpt-4o", messages=MSGS,
                          tools=[gptkit.function_tool(get_weather)])
    await close(client)
    assert EXECUTED == []
    tool_messages = [m for m in rec.json(1)["messages"] if m["role"] == "tool"]
    assert [m["tool_call_id"] for m in tool_messages] == ["c1", "c2"]
    assert tool_messages[0]["content"].startswith("Error: invalid arguments for 'get_weather'")
    assert "there is no tool named 'nope'" in tool_messages[1]["content"]
    assert result.completion.choices[0].message.content == "done"
    assert result.completion.choices[0].message.parsed is None


async def test_max_rounds_exceeded(kind: str) -> None:
    rec = Recorder(reply(calls=[tool_call("c", "get_weather", {"city": "Oslo", "unit": "C"})]))
    client = make_client(kind, rec)
    with pytest.raises(gptkit.ToolRoundsExceededError) as info:
        await invoke(client, "chat.completions.run_tools", model="gpt-4o", messages=MSGS,
                     tools=[gptkit.function_tool(get_weather)], max_rounds=3)
    await close(client)
    # Three model calls; the tools asked for in the last one are not run.
    assert len(rec.requests) == 3 and len(EXECUTED) == 2
    assert info.value.max_rounds == 3
    assert info.value.messages[-1]["tool_calls"][0]["id"] == "c"
    assert info.value.completion.choices[0].finish_reason == "tool_calls"


async def test_length_cut_off_in_a_round_raises(kind: str) -> None:
    rec = Recorder(reply(calls=[tool_call("c", "get_weather", '{"ci')], finish="length"))
    client = make_client(kind, rec)
    with pytest.raises(gptkit.LengthFinishReasonError):
        await invoke(client, "chat.completions.run_tools", model="gpt-4o", messages=MSGS,
                     tools=[gptkit.function_tool(get_weather)])
    await close(client)
    assert EXECUTED == []


async def test_tool_exceptions_propagate(kind: str) -> None:
    def broken(x: int) -> int:
        raise ZeroDivisionError("tool bug")

    rec = Recorder(reply(calls=[tool_call("c", "broken", {"x": 1})]))
    client = make_client(kind, rec)
    with pytest.raises(ZeroDivisionError, match="tool bug"):
        await invoke(client, "chat.completions.run_tools", model="gpt-4o", messages=MSGS,
                     tools=[gptkit.function_tool(broken)])
    await close(client)


class Query(BaseModel):
    q: str


@pytest.mark.parametrize(
    ("kwargs", "param"),
    [
        ({"tools": [gptkit.pydantic_function_tool(Query)]}, "tools.0"),
        ({"tools": [get_weather, {"type": "function", "function": {"name": "raw"}}]}, "tools.1"),
        ({"tools": [Query]}, "tools.0"),
        ({"tools": [get_weather, "get_time"]}, "tools.1"),
        ({"tools": [get_weather, gptkit.function_tool(get_time, name="get_weather")]}, "tools.1"),
        ({"tools": get_weather}, "tools"),
        ({"tools": []}, "tools"),
        ({"tools": [lambda city: city]}, "name"),
        ({"tools": [gptkit.function_tool(get_weather)], "max_rounds": 0}, "max_rounds"),
        ({"tools": [gptkit.function_tool(get_weather)], "n": 2}, "n"),
        ({"tools": [gptkit.function_tool(get_weather)], "stream": True}, "stream"),
    ],
)
async def test_bad_input_raises_before_any_io(kind: str, kwargs: dict[str, Any], param: str) -> None:
    rec = Recorder(reply(content="x"))
    client = make_client(kind, rec)
    with pytest.raises(gptkit.InvalidParameterError) as info:
        await invoke(client, "chat.completions.run_tools", model="gpt-4o", messages=MSGS, **kwargs)
    await close(client)
    assert info.value.param == param
    assert rec.requests == []


async def test_tools_is_a_required_keyword(kind: str) -> None:
    rec = Recorder(reply(content="x"))
    client = make_client(kind, rec)
    with pytest.raises(TypeError, match="'tools'"):
        await invoke(client, "chat.completions.run_tools", model="gpt-4o", messages=MSGS)
    await close(client)
    assert rec.requests == []


async def test_each_round_goes_through_retry(kind: str) -> None:
    # A 500 on the second round is retried by the normal client path.
    rec = Recorder(ROUND_1, httpx.Response(500, json={"error": {"message": "boom"}}), reply(content=FINAL))
    client = make_client(kind, rec, retry=gptkit.RetryPolicy(max_attempts=3, zero_waits=True))
    result = await invoke(client, "chat.completions.run_tools", model="gpt-4o", messages=MSGS,
                          tools=[gptkit.function_tool(get_weather), gptkit.function_tool(get_time)],
                          response_format=Answer)
    await close(client)
    assert len(rec.requests) == 3 and result.rounds == 2
    assert rec.json(1) == rec.json(2)
    assert result.completion.choices[0].message.parsed is not None


def test_tool_run_result_cost_sums_rounds_or_is_none() -> None:
    from decimal import Decimal

    from gptkit.types import ChatCompletion, ParsedChatCompletion

    def completion(total: str | None) -> ChatCompletion:
        c = ChatCompletion.model_validate(chat_body())
        if total is not None:
            c._cost = gptkit.Cost(input=Decimal(total), total=Decimal(total), model="gpt-4o")
        return c

    final = ParsedChatCompletion[None].model_validate(chat_body())
    run = gptkit.ToolRunResult(completion=final, messages=[], completions=[completion("0.01"), completion("0.02")])
    assert run.rounds == 2
    assert run.cost is not None and run.cost.total == Decimal("0.03") and run.cost.model == "gpt-4o"
    partial = gptkit.ToolRunResult(completion=final, messages=[], completions=[completion("0.01"), completion(None)])
    assert partial.cost is None
