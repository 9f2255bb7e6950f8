"""The typing contract: checked by mypy in CI, never executed.

Each ``assert_type`` pins what a user's type checker sees for a public call.
"""

from __future__ import annotations

import pydantic
from typing_extensions import assert_type

import gptkit
from gptkit.pagination import AsyncPage
from gptkit.types import (
    ChatCompletion,
    ChatCompletionChunk,
    Completion,
    CompletionUsage,
    CreateEmbeddingResponse,
    Model,
    ModelList,
    ParsedChatCompletion,
)

MSGS: list[gptkit.types.ChatCompletionMessageParam] = [{"role": "user", "content": "hi"}]


def sync_calls(client: gptkit.Client) -> None:
    assert_type(client.chat.completions.create(model="m", messages=MSGS), ChatCompletion)
    assert_type(client.chat.completions.create(model="m", messages=MSGS, stream=False), ChatCompletion)
    assert_type(
        client.chat.completions.create(model="m", messages=MSGS, stream=True),
        gptkit.Stream[ChatCompletionChunk],
    )
    assert_type(client.completions.create(model="m", prompt="p"), Completion)
    assert_type(client.completions.create(model="m", prompt="p", stream=True), gptkit.Stream[Completion])
    assert_type(client.embeddings.create(model="m", input="x"), CreateEmbeddingResponse)
    assert_type(client.models.list(), ModelList)
    assert_type(client.models.retrieve("m"), Model)
    assert_type(client.with_options(timeout=1.0), gptkit.Client)
    usage = client.chat.completions.create(model="m", messages=MSGS).usage
    if usage is not None:
        assert_type(usage.total_tokens, int)
    cost = client.chat.completions.create(model="m", messages=MSGS).cost
    assert_type(cost, gptkit.Cost | None)


async def async_calls(client: gptkit.AsyncClient) -> None:
    assert_type(await client.chat.completions.create(model="m", messages=MSGS), ChatCompletion)
    assert_type(
        await client.chat.completions.create(model="m", messages=MSGS, stream=True),
        gptkit.AsyncStream[ChatCompletionChunk],
    )
    assert_type(await client.completions.create(model="m", prompt="p"), Completion)
    assert_type(await client.embeddings.create(model="m", input="x"), CreateEmbeddingResponse)
    assert_type(await client.models.list(), AsyncPage[Model])
    assert_type(client.with_options(max_retries=0), gptkit.AsyncClient)


def bad_calls(client: gptkit.Client) -> None:
    client.chat.completions.create(model="m", messages=MSGS, temprature=1)  # type: ignore[call-overload]
    client.chat.completions.create(model="m", messages=MSGS, temperature="hot")  # type: ignore[call-overload]
    client.chat.completions.create(messages=MSGS)  # type: ignore[call-overload]


class Answer(pydantic.BaseModel):
    text: str


def streams(client: gptkit.Client) -> None:
    stream = client.chat.completions.create(model="m", messages=MSGS, stream=True)
    for chunk in stream:
        assert_type(chunk, ChatCompletionChunk)
    assert_type(stream.get_final_completion(), ChatCompletion)
    assert_type(stream.usage, CompletionUsage | None)
    assert_type(client.completions.create(model="m", prompt="p", stream=True).get_final_completion(), Completion)
    with client.chat.completions.stream(model="m", messages=MSGS) as helper:
        assert_type(helper, gptkit.ChatCompletionStream[None])
        for event in helper:  # the official events, told apart by their type
            if event.type == "content.delta":
                assert_type(event.delta, str)
            elif event.type == "tool_calls.function.arguments.done":
                assert_type(event.arguments, str)
        assert_type(helper.get_final_completion(), ParsedChatCompletion[None])
    with client.chat.completions.stream(model="m", messages=MSGS, response_format=Answer) as typed:
        assert_type(typed, gptkit.ChatCompletionStream[Answer])
        assert_type(typed.get_final_completion(), ParsedChatCompletion[Answer])
        parsed = typed.get_final_completion().choices[0].message.parsed
        assert_type(parsed, Answer | None)


def structured(client: gptkit.Client) -> None:
    result = client.chat.completions.parse(model="m", messages=MSGS, response_format=Answer)
    assert_type(result, ParsedChatCompletion[Answer])
    assert_type(result.choices[0].message.parsed, Answer | None)
    assert_type(client.chat.completions.parse(model="m", messages=MSGS), ParsedChatCompletion[None])


async def async_streams(client: gptkit.AsyncClient) -> None:
    stream = await client.chat.completions.create(model="m", messages=MSGS, stream=True)
    async for chunk in stream:
        assert_type(chunk, ChatCompletionChunk)
    assert_type(await stream.get_final_completion(), ChatCompletion)
    async with client.chat.completions.stream(model="m", messages=MSGS) as helper:
        assert_type(helper, gptkit.AsyncChatCompletionStream[None])
        async for event in helper:
            if event.type == "chunk":
                assert_type(event.chunk, ChatCompletionChunk)
        assert_type(await helper.get_final_completion(), ParsedChatCompletion[None])
    async with client.chat.completions.stream(model="m", messages=MSGS, response_format=Answer) as typed:
        assert_type(await typed.get_final_completion(), ParsedChatCompletion[Answer])
    result = await client.chat.completions.parse(model="m", messages=MSGS, response_format=Answer)
    assert_type(result, ParsedChatCompletion[Answer])


def get_weather(city: str) -> str:
    return city


async def local_time(city: str) -> str:
    return city


def tools(client: gptkit.Client) -> None:
    run = client.chat.completions.run_tools(model="m", messages=MSGS, tools=[get_weather, local_time])
    assert_type(run, gptkit.ToolRunResult[None])
    typed = client.chat.completions.run_tools(
        model="m", messages=MSGS, tools=[get_weather, gptkit.function_tool(local_time)], response_format=Answer
    )
    assert_type(typed.completion.choices[0].message.parsed, Answer | None)
    client.chat.completions.run_tools(model="m", messages=MSGS)  # type: ignore[call-overload]


async def async_tools(client: gptkit.AsyncClient) -> None:
    run = await client.chat.completions.run_tools(model="m", messages=MSGS, tools=[local_time], max_rounds=3)
    assert_type(run, gptkit.ToolRunResult[None])
