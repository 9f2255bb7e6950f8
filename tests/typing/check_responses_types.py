"""The typing contract of ``client.responses``: checked by mypy in CI, never executed."""

from __future__ import annotations

from typing_extensions import assert_type

import gptkit
from gptkit.lib.streaming.responses import AsyncResponseStream, ResponseStream
from gptkit.pagination import AsyncCursorPage, AsyncPaginator, SyncCursorPage
from gptkit.types.responses import (
    InputTokenCountResponse,
    Response,
    ResponseInputParam,
    ResponseItem,
    ResponseOutputMessage,
    ResponseStreamEvent,
    ResponseUsage,
    ToolParam,
)

ITEMS: ResponseInputParam = [
    {"role": "user", "content": "hi"},
    {"type": "function_call_output", "call_id": "call_1", "output": "42"},
]
TOOLS: list[ToolParam] = [{"type": "function", "name": "f", "parameters": {}, "strict": True}]


def sync_calls(client: gptkit.Client) -> None:
    response = client.responses.create(model="m", input="hi", instructions="Be brief.", max_output_tokens=50)
    assert_type(response, Response)
    assert_type(response.output_text, str)
    assert_type(response.usage, ResponseUsage | None)
    assert_type(response.cost, gptkit.Cost | None)
    assert_type(response.problem, str | None)
    assert_type(client.responses.create(model="m", input=ITEMS, tools=TOOLS, tool_choice="auto"), Response)
    assert_type(client.responses.retrieve("resp_1"), Response)
    assert_type(client.responses.cancel("resp_1"), Response)
    assert_type(client.responses.delete("resp_1"), None)
    assert_type(client.responses.input_items.list("resp_1", order="asc"), SyncCursorPage[ResponseItem])
    assert_type(client.responses.input_tokens.count(model="m", input="hi"), InputTokenCountResponse)
    for item in response.output:
        if isinstance(item, ResponseOutputMessage):
            assert_type(item.id, str)


def stream_calls(client: gptkit.Client) -> None:
    stream = client.responses.create(model="m", input="hi", stream=True)
    assert_type(stream, gptkit.Stream[ResponseStreamEvent])
    assert_type(stream.get_final_response(), Response)
    assert_type(stream.usage, ResponseUsage | None)  # a Responses stream's usage, not chat's
    for event in stream:
        if event.type == "response.output_text.delta":
            print(event.sequence_number)
    assert_type(client.responses.retrieve("resp_1", stream=True, starting_after=3),
                gptkit.Stream[ResponseStreamEvent])
    with client.responses.stream(model="m", input="hi") as helper:
        assert_type(helper, ResponseStream)
        for text in helper.text_stream:
            assert_type(text, str)
        assert_type(helper.get_final_response(), Response)
    assert_type(client.responses.wait("resp_1", poll_interval_ms=200, max_wait_seconds=30.0), Response)


async def async_calls(client: gptkit.AsyncClient) -> None:
    astream = await client.responses.create(model="m", input="hi", stream=True)
    assert_type(astream, gptkit.AsyncStream[ResponseStreamEvent])
    assert_type(await astream.get_final_response(), Response)
    assert_type(astream.usage, ResponseUsage | None)
    async with client.responses.stream(response_id="resp_1", starting_after=2) as ahelper:
        assert_type(ahelper, AsyncResponseStream)
        async for event in ahelper:
            assert_type(event.sequence_number, int)
    assert_type(await client.responses.wait("resp_1"), Response)
    assert_type(await client.responses.create(model="m", input="hi"), Response)
    assert_type(await client.responses.retrieve("resp_1"), Response)
    assert_type(
        client.responses.input_items.list("resp_1"), AsyncPaginator[ResponseItem, AsyncCursorPage[ResponseItem]]
    )
    assert_type(await client.responses.input_tokens.count(input="hi"), InputTokenCountResponse)


def bad_calls(client: gptkit.Client) -> None:
    client.responses.create(model="m", input="hi", max_output_tokenz=5)  # type: ignore[call-overload]
    client.responses.create(model="m", input="hi", temperature="hot")  # type: ignore[call-overload]
    client.responses.create(model="m", input=[{"role": "bot", "content": "x"}])  # type: ignore[misc, list-item]
    client.responses.retrieve("resp_1", stream="yes")  # type: ignore[call-overload]
