"""Prices behind gateways: a base URL the price database does not know still finds OpenAI's price.

A gateway, a proxy or a local server speaks OpenAI's API; a model whose name only OpenAI's price
list knows (``text-embedding-3-small`` matches no provider's name pattern) costs what OpenAI
charges, unless the caller names another provider.
"""

from __future__ import annotations

from datetime import datetime, timezone
from decimal import Decimal

import genai_prices.data_snapshot as database
import pytest

import gptkit
from gptkit.testing import FakeOpenAI


def _openai_rate(model: str) -> Decimal:
    _, info = database.get_snapshot().find_provider_model(model, None, "openai", None)
    rate: Decimal = info.get_prices(datetime.now(tz=timezone.utc)).input_mtok
    return rate


def test_the_database_alone_does_not_place_the_name() -> None:
    # The reason for the fallback: matched by name only, genai-prices finds no provider.
    with pytest.raises(LookupError):
        database.get_snapshot().find_provider_model("text-embedding-3-small", None, None, None)


@pytest.mark.parametrize("model", ["text-embedding-3-small", "text-embedding-3-large", "text-embedding-ada-002"])
def test_price_of_a_name_only_openai_knows(model: str) -> None:
    info = gptkit.price_of(model)
    assert info is not None
    assert info.source == f"genai-prices:openai/{model}"
    assert info.input_per_mtok == _openai_rate(model)


def test_a_named_provider_is_not_second_guessed() -> None:
    assert gptkit.price_of("text-embedding-3-small", provider="anthropic") is None
    azure = gptkit.price_of("text-embedding-3-small", provider="azure")
    assert azure is not None and azure.source == "genai-prices:azure/text-embedding-3-small"


def test_a_name_another_provider_owns_keeps_that_provider() -> None:
    info = gptkit.price_of("claude-3-5-sonnet")
    assert info is not None and info.source.startswith("genai-prices:anthropic/")


def test_embeddings_through_a_local_server_cost_openais_price() -> None:
    fake = FakeOpenAI()
    with fake.serve() as server, gptkit.Client(api_key="test-key", base_url=server.base_url) as client:
        reply = client.embeddings.create(model="text-embedding-3-small", input=["hello world", "goodbye"])
    assert reply.usage.prompt_tokens > 0
    assert reply.cost is not None
    assert reply.cost.price_source == "genai-prices:openai/text-embedding-3-small"
    assert reply.cost.total == reply.usage.prompt_tokens * _openai_rate("text-embedding-3-small") / 1_000_000
    assert client.ledger.total_cost == reply.cost.total


@pytest.mark.parametrize("base_url", ["https://litellm.internal/v1", "http://localhost:4000/v1",
                                      "https://proxy.example.com/v1"])
async def test_async_embeddings_behind_a_gateway(base_url: str) -> None:
    async with gptkit.AsyncClient(api_key="test-key", base_url=base_url, transport=FakeOpenAI()) as client:
        reply = await client.embeddings.create(model="text-embedding-3-small", input="hello")
    assert reply.cost is not None and reply.cost.price_source == "genai-prices:openai/text-embedding-3-small"


def test_a_server_the_database_knows_uses_its_list_only() -> None:
    # Groq's URL names Groq's price list: an OpenAI-only model there has no price, not OpenAI's.
    client = gptkit.Client(api_key="test-key", base_url="https://api.groq.com/v1",
                           transport=FakeOpenAI(), prices=gptkit.PriceTable())
    with pytest.warns(gptkit.UnknownPriceWarning):
        reply = client.embeddings.create(model="text-embedding-3-small", input="hello")
    assert reply.cost is None
