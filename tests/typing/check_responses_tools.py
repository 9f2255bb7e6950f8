"""The typing contract of ``client.responses.parse`` and ``run_tools``: checked by mypy and pyright
in CI, never executed."""

from __future__ import annotations

from pydantic import BaseModel
from typing_extensions import assert_type

import gptkit
from gptkit.types.responses import ParsedResponse


class Answer(BaseModel):
    text: str


class GetWeather(BaseModel):
    city: str


def get_weather(city: str) -> str:
    return city


async def local_time(city: str) -> str:
    return city


def sync_calls(client: gptkit.Client) -> None:
    parsed = client.responses.parse(model="m", input="hi", text_format=Answer)
    assert_type(parsed, ParsedResponse[Answer])
    assert_type(parsed.output_parsed, Answer | None)
    assert_type(parsed.output_text, str)
    assert_type(client.responses.parse(model="m", input="hi"), ParsedResponse[None])
    tool = gptkit.pydantic_responses_function_tool(GetWeather)
    client.responses.parse(model="m", input="hi", tools=[tool])
    run = client.responses.run_tools(model="m", input="hi", tools=[get_weather, local_time])
    assert_type(run, gptkit.ResponsesToolRunResult[None])
    typed = client.responses.run_tools(model="m", input="hi", tools=[get_weather], text_format=Answer,
                                       chain="input", max_rounds=3)
    assert_type(typed.output_parsed, Answer | None)
    assert_type(typed.response, ParsedResponse[Answer])
    assert_type(typed.cost, gptkit.Cost | None)
    client.responses.run_tools(model="m", input="hi")  # type: ignore[call-overload]


async def async_calls(client: gptkit.AsyncClient) -> None:
    parsed = await client.responses.parse(model="m", input="hi", text_format=Answer)
    assert_type(parsed.output_parsed, Answer | None)
    run = await client.responses.run_tools(model="m", input="hi", tools=[get_weather], text_format=Answer)
    assert_type(run, gptkit.ResponsesToolRunResult[Answer])
