"""Exact costs from the price database and from overrides; unknown models cost None, warned once."""

from __future__ import annotations

import logging
import warnings
from decimal import Decimal

import pytest

import gptkit
from gptkit._cost._limits import default_output_limit
from gptkit._cost._providers import price_provider_for as infer_provider
from tests.cost_helpers import MTOK, db_prices, embedding_body, ok, usage_body
from tests.helpers import Recorder, close, invoke, make_client

MSGS = [{"role": "user", "content": "hi"}]


async def test_gpt_4o_with_cached_prompt_tokens(kind: str) -> None:
    rec = Recorder(ok(usage_body(model="gpt-4o-2024-08-06", prompt=1_000, cached=400, completion=50)))
    client = make_client(kind, rec)
    resp = await invoke(client, "chat.completions.create", model="gpt-4o", messages=MSGS)
    price = db_prices("gpt-4o")
    assert price.cache_read_mtok < price.input_mtok  # the case is only interesting with a discount
    cost = resp.cost
    assert cost.input == 600 * price.input_mtok / MTOK
    assert cost.cached_input == 400 * price.cache_read_mtok / MTOK
    assert cost.output == 50 * price.output_mtok / MTOK
    assert cost.total == cost.input + cost.cached_input + cost.output
    assert isinstance(cost.total, Decimal)
    assert cost.price_source == "genai-prices:openai/gpt-4o"
    assert cost.model == "gpt-4o-2024-08-06"
    await close(client)


async def test_reasoning_tokens_are_billed_as_output(kind: str) -> None:
    rec = Recorder(ok(usage_body(model="o3-mini", prompt=200, completion=900, reasoning=700)))
    client = make_client(kind, rec)
    resp = await invoke(client, "chat.completions.create", model="o3-mini", messages=MSGS)
    price = db_prices("o3-mini")
    assert resp.cost.output == 900 * price.output_mtok / MTOK  # reasoning is inside completion
    assert resp.cost.input == 200 * price.input_mtok / MTOK
    assert resp.cost.cached_input == 0
    snap = client.ledger.snapshot()
    assert snap.total.reasoning_tokens == 700 and snap.total.completion_tokens == 900
    await close(client)


async def test_embedding_model_cost(kind: str) -> None:
    rec = Recorder(ok(embedding_body(prompt=12_345)))
    client = make_client(kind, rec)
    resp = await invoke(client, "embeddings.create", model="text-embedding-3-small", input="hello")
    price = db_prices("text-embedding-3-small")
    assert resp.cost.total == 12_345 * price.input_mtok / MTOK
    assert resp.cost.output == 0
    await close(client)


async def test_service_tier_variant_prices(kind: str) -> None:
    rec = Recorder(ok(usage_body(model="o4-mini", prompt=1_000, cached=200, completion=100,
                                 service_tier="flex")))
    client = make_client(kind, rec)
    resp = await invoke(client, "chat.completions.create", model="o4-mini", messages=MSGS,
                        service_tier="flex")
    flex = db_prices("o4-mini", {"service_tier": "flex"})
    standard = db_prices("o4-mini")
    assert flex.input_mtok != standard.input_mtok
    assert resp.cost.input == 800 * flex.input_mtok / MTOK
    assert resp.cost.cached_input == 200 * flex.cache_read_mtok / MTOK
    assert resp.cost.output == 100 * flex.output_mtok / MTOK
    assert "service_tier=flex" in (resp.cost.price_source or "")
    await close(client)


async def test_unknown_model_costs_none_with_one_warning(kind: str, caplog: pytest.LogCaptureFixture) -> None:
    model = f"mystery-model-{kind}"
    rec = Recorder(ok(usage_body(model=model)))
    client = make_client(kind, rec)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        first = await invoke(client, "chat.completions.create", model=model, messages=MSGS)
        second = await invoke(client, "chat.completions.create", model=model, messages=MSGS)
    assert first.cost is None and second.cost is None
    ours = [w for w in caught if issubclass(w.category, gptkit.UnknownPriceWarning)]
    assert len(ours) == 1 and model in str(ours[0].message)
    logged = [r for r in caplog.records if r.name == "gptkit" and r.levelno == logging.WARNING
              and model in r.getMessage()]
    assert len(logged) == 1
    snap = client.ledger.snapshot()
    assert snap.total.calls == 2 and snap.total.unpriced_calls == 2 and snap.total.cost == 0
    assert snap.total.prompt_tokens == 200  # tokens still counted
    await close(client)


async def test_overrides_fine_tuned_and_self_hosted(kind: str) -> None:
    ft = "ft:gpt-4o-mini-2024-07-18:acme::abc123"
    rec = Recorder(ok(usage_body(model=ft, prompt=1_000, cached=500, completion=100)),
                   ok(usage_body(model="llama-3-8b", prompt=1_000, completion=100)),
                   ok(usage_body(model="gpt-4o", prompt=1_000, completion=100)))
    table = gptkit.PriceTable(
        {"ft:gpt-4o-mini*": gptkit.ModelPrice(input_per_mtok="0.30", cached_input_per_mtok="0.15",
                                                output_per_mtok="1.20"),
         "gpt-4o": gptkit.ModelPrice(input_per_mtok=2, output_per_mtok=8)},
        default=gptkit.ModelPrice.free(),
    )
    client = make_client(kind, rec, prices=table)
    r1 = await invoke(client, "chat.completions.create", model=ft, messages=MSGS)
    assert r1.cost.input == Decimal("0.00015") and r1.cost.cached_input == Decimal("0.000075")
    assert r1.cost.output == Decimal("0.00012") and r1.cost.price_source == "override:ft:gpt-4o-mini*"
    r2 = await invoke(client, "chat.completions.create", model="llama-3-8b", messages=MSGS)
    assert r2.cost.total == 0 and r2.cost.price_source == "default"
    r3 = await invoke(client, "chat.completions.create", model="gpt-4o", messages=MSGS)
    assert r3.cost.total == Decimal("0.0028") and r3.cost.price_source == "override:gpt-4o"
    await close(client)


async def test_prices_mapping_adds_to_the_database(kind: str) -> None:
    rec = Recorder(ok(usage_body(model="my-ft", prompt=10, completion=10)),
                   ok(usage_body(model="gpt-4o", prompt=10, completion=10)))
    client = make_client(kind, rec, prices={"my-ft": gptkit.ModelPrice(1, 2)})
    first = await invoke(client, "chat.completions.create", model="my-ft", messages=MSGS)
    second = await invoke(client, "chat.completions.create", model="gpt-4o", messages=MSGS)
    assert first.cost.total == Decimal("0.00003")
    assert second.cost.price_source == "genai-prices:openai/gpt-4o"
    await close(client)


def test_model_price_reads_floats_as_written_and_rejects_nonsense() -> None:
    assert gptkit.ModelPrice(input_per_mtok=2.5).input_per_mtok == Decimal("2.5")
    assert gptkit.ModelPrice(input_per_mtok=2.5).cached_input_per_mtok == Decimal("2.5")
    with pytest.raises(ValueError, match="input_per_mtok"):
        gptkit.ModelPrice(input_per_mtok="-1")
    with pytest.raises(ValueError, match="not a number"):
        gptkit.ModelPrice(input_per_mtok="abc")
    with pytest.raises(TypeError):
        gptkit.ModelPrice(input_per_mtok=True)
    with pytest.raises(TypeError, match="ModelPrice"):
        gptkit.PriceTable({"m": 1.0})  # type: ignore[dict-item]
    with pytest.raises(TypeError, match="prices must be"):
        gptkit.Client(api_key="k", prices=[1])  # type: ignore[arg-type]


def test_provider_from_base_url() -> None:
    assert infer_provider("https://api.openai.com/v1") == "openai"
    assert infer_provider("http://127.0.0.1:8000/v1") is None
    proxy = gptkit.Client(api_key="k", base_url="http://127.0.0.1:4000/v1")
    assert proxy._cost.provider is None
    cost = proxy._cost.prices.cost("gpt-4o", prompt_tokens=1_000_000, api_url=str(proxy.base_url))
    assert cost is not None and cost.price_source == "genai-prices:openai/gpt-4o"  # matched by name
    moved = gptkit.Client(api_key="k").with_options(base_url="http://localhost:9/v1")
    assert moved._cost.provider is None
    proxy.close()


def test_default_output_limits_per_model() -> None:
    assert default_output_limit("gpt-4o-2024-08-06") == 16_384
    assert default_output_limit("gpt-4o-mini") == 16_384
    assert default_output_limit("gpt-4") == 8_192
    assert default_output_limit("o3-mini") == 100_000
    assert default_output_limit("ft:gpt-4o-mini:acme::x") == 16_384
    assert default_output_limit("unknown") == gptkit._tokens.DEFAULT_MAX_OUTPUT_TOKENS
    assert default_output_limit(None) == gptkit._tokens.DEFAULT_MAX_OUTPUT_TOKENS


async def test_no_usage_means_an_estimated_cost_flagged_as_such(kind: str) -> None:
    body = usage_body()
    del body["usage"]
    rec = Recorder(ok(body))
    client = make_client(kind, rec)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        resp = await invoke(client, "chat.completions.create", model="gpt-4o", messages=MSGS)
    assert resp.usage is not None and resp.usage.estimated
    assert resp.cost is not None and resp.cost.estimated
    assert resp.cost.total > 0
    assert not [w for w in caught if issubclass(w.category, gptkit.UnknownPriceWarning)]
    assert client.ledger.total_cost == resp.cost.total
    await close(client)


def _openai_model(predicate: object) -> tuple[str, object]:
    from genai_prices import data_snapshot

    provider = data_snapshot.get_snapshot().find_provider(None, "openai", None)
    for info in provider.models:
        if predicate(info):  # type: ignore[operator]
            return info.id, info
    pytest.skip("the price data has no such model any more")


def test_date_dependent_prices_follow_the_clock() -> None:
    from datetime import datetime, timezone

    from gptkit.testing import VirtualClock

    name, info = _openai_model(lambda m: isinstance(m.prices, list) and len(m.prices) > 1
                               and m.prices[-1].constraint is not None
                               and isinstance(m.prices[0].prices.input_mtok, Decimal)
                               and isinstance(m.prices[-1].prices.input_mtok, Decimal)
                               and m.prices[0].prices.input_mtok != m.prices[-1].prices.input_mtok)
    change = info.prices[-1].constraint.start_date
    before = datetime(change.year, change.month, change.day, tzinfo=timezone.utc).timestamp() - 86_400
    table = gptkit.PriceTable()
    with VirtualClock(wall_start=before):
        old = table.cost(name, prompt_tokens=1_000_000, provider="openai")
    new = table.cost(name, prompt_tokens=1_000_000, provider="openai")
    assert old is not None and new is not None
    assert old.input == info.prices[0].prices.input_mtok
    assert new.input == info.prices[-1].prices.input_mtok


def test_tiered_prices_use_the_tier_of_the_whole_prompt() -> None:
    from genai_prices.types import ModelPrice, TieredPrices

    name, info = _openai_model(lambda m: isinstance(m.prices, ModelPrice)
                               and isinstance(m.prices.input_mtok, TieredPrices))
    tiers = info.prices.input_mtok
    start = tiers.tiers[0].start
    table = gptkit.PriceTable()
    small = table.cost(name, prompt_tokens=start, provider="openai")
    large = table.cost(name, prompt_tokens=start + 1, provider="openai")
    assert small is not None and large is not None
    assert small.input == start * tiers.base / MTOK
    assert large.input == (start + 1) * tiers.tiers[0].price / MTOK


async def test_a_shared_table_can_be_updated_and_replaced_per_copy(kind: str) -> None:
    model = f"late-priced-{kind}"
    rec = Recorder(ok(usage_body(model=model, prompt=1_000_000, completion=0)))
    table = gptkit.PriceTable()
    client = make_client(kind, rec, prices=table)
    with pytest.warns(gptkit.UnknownPriceWarning):
        assert (await invoke(client, "chat.completions.create", model=model, messages=MSGS)).cost is None
    table.set(model, gptkit.ModelPrice(input_per_mtok="0.5"))
    assert (await invoke(client, "chat.completions.create", model=model, messages=MSGS)).cost.total == Decimal("0.5")
    cheaper = client.with_options(prices={model: gptkit.ModelPrice(input_per_mtok="0.25")})
    assert (await invoke(cheaper, "chat.completions.create", model=model, messages=MSGS)).cost.total == Decimal("0.25")
    assert client.ledger.total_cost == Decimal("0.75")  # the copy still shares the ledger
    await close(client)
