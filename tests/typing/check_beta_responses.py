"""The typing contract of ``client.beta.responses``: checked by mypy and pyright in CI, never executed."""

from __future__ import annotations

from typing_extensions import assert_type

import gptkit
from gptkit.pagination import AsyncCursorPage, AsyncPaginator, SyncCursorPage
from gptkit.types.beta import (
    BetaResponse,
    BetaResponseItem,
    BetaResponseOutputItem,
    BetaResponseOutputMessage,
    BetaResponseStreamEvent,
)
from gptkit.types.beta.beta_response_output_item import MultiAgentCall
from gptkit.types.responses import InputTokenCountResponse

BETAS = ["responses_multi_agent=v1"]


def agent_name(item: BetaResponseOutputItem) -> str:
    if isinstance(item, (BetaResponseOutputMessage, MultiAgentCall)) and item.agent is not None:
        return item.agent.agent_name
    return "/root"


def sync_calls(client: gptkit.Client) -> None:
    response = client.beta.responses.create(model="m", input="hi", multi_agent={"enabled": True}, betas=BETAS)
    assert_type(response, BetaResponse)
    for item in response.output:
        assert_type(agent_name(item), str)
    stream = client.beta.responses.create(model="m", input="hi", stream=True, betas=BETAS)
    assert_type(stream, gptkit.Stream[BetaResponseStreamEvent])
    assert_type(client.beta.responses.retrieve("resp_1", betas=BETAS), BetaResponse)
    assert_type(client.beta.responses.retrieve("resp_1", stream=True), gptkit.Stream[BetaResponseStreamEvent])
    assert_type(client.beta.responses.cancel("resp_1"), BetaResponse)
    assert_type(client.beta.responses.delete("resp_1"), None)
    assert_type(client.beta.responses.input_items.list("resp_1"), SyncCursorPage[BetaResponseItem])
    assert_type(client.beta.responses.input_tokens.count(model="m", input="hi"), InputTokenCountResponse)


async def async_calls(client: gptkit.AsyncClient) -> None:
    response = await client.beta.responses.create(model="m", input="hi", multi_agent={"enabled": True})
    assert_type(response, BetaResponse)
    stream = await client.beta.responses.create(model="m", input="hi", stream=True)
    assert_type(stream, gptkit.AsyncStream[BetaResponseStreamEvent])
    assert_type(await client.beta.responses.cancel("resp_1"), BetaResponse)
    assert_type(await client.beta.responses.delete("resp_1"), None)
    assert_type(client.beta.responses.input_items.list("resp_1"),
                AsyncPaginator[BetaResponseItem, AsyncCursorPage[BetaResponseItem]])
    assert_type(await client.beta.responses.input_tokens.count(model="m", input="hi"), InputTokenCountResponse)
