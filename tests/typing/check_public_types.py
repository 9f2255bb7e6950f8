"""The typing contract: checked by mypy in CI, never executed.

Each ``assert_type`` pins what a user's type checker sees for a public call.
"""

from __future__ import annotations

from typing_extensions import assert_type

import gptkit
from gptkit.types import (
    ChatCompletion,
    ChatCompletionChunk,
    Completion,
    CreateEmbeddingResponse,
    Model,
    ModelList,
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
    assert_type(await client.models.list(), ModelList)
    assert_type(client.with_options(max_retries=0), gptkit.AsyncClient)


def bad_calls(client: gptkit.Client) -> None:
    client.chat.completions.create(model="m", messages=MSGS, temprature=1)  # type: ignore[call-overload]
    client.chat.completions.create(model="m", messages=MSGS, temperature="hot")  # type: ignore[call-overload]
    client.chat.completions.create(messages=MSGS)  # type: ignore[call-overload]
