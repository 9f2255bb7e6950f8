"""``gptkit.price_of``: the rates a client would use for a model, and their source."""

from __future__ import annotations

from datetime import datetime, timezone
from decimal import Decimal

import genai_prices.data_snapshot as database

import gptkit


def _truth(model: str, provider: str | None = None) -> object:
    _, info = database.get_snapshot().find_provider_model(model, None, provider, None)
    return info.get_prices(datetime.now(tz=timezone.utc))


def test_database_prices_and_source() -> None:
    info = gptkit.price_of("gpt-4o")
    truth = _truth("gpt-4o")
    assert info is not None and info.source == "genai-prices:openai/gpt-4o" and not info.tiered
    assert (info.input_per_mtok, info.cached_input_per_mtok, info.output_per_mtok) == (
        truth.input_mtok, truth.cache_read_mtok, truth.output_mtok)  # type: ignore[attr-defined]


def test_the_price_matches_what_a_call_costs() -> None:
    fake_usage = {"prompt_tokens": 1000, "completion_tokens": 500}
    info = gptkit.price_of("gpt-4o-mini")
    assert info is not None and info.input_per_mtok is not None and info.output_per_mtok is not None
    cost = gptkit.PriceTable().cost("gpt-4o-mini", **fake_usage)
    assert cost is not None
    assert cost.total == (1000 * info.input_per_mtok + 500 * info.output_per_mtok) / 1_000_000


def test_no_cache_discount_means_the_input_rate() -> None:
    info = gptkit.price_of("gpt-4")
    assert info is not None and info.cached_input_per_mtok == info.input_per_mtok == Decimal(30)


def test_overrides_default_and_unknown() -> None:
    mine = gptkit.ModelPrice(input_per_mtok="0.3", output_per_mtok="1.2", cached_input_per_mtok="0.1")
    info = gptkit.price_of("ft:gpt-4o-mini:acme:x", prices={"ft:gpt-4o-mini:acme:*": mine})
    assert info is not None and info.source == "override:ft:gpt-4o-mini:acme:*"
    assert (info.input_per_mtok, info.cached_input_per_mtok, info.output_per_mtok) == (
        Decimal("0.3"), Decimal("0.1"), Decimal("1.2"))
    assert gptkit.price_of("no-such-model-xyz") is None
    table = gptkit.PriceTable(default=gptkit.ModelPrice.free())
    free = gptkit.price_of("no-such-model-xyz", prices=table)
    assert free is not None and free.source == "default" and free.output_per_mtok == 0


def test_batch_and_tiers() -> None:
    batch = gptkit.price_of("gpt-4o", batch=True)
    assert batch is not None and batch.source.endswith("[processing=batch]")
    standard = gptkit.price_of("gpt-4o")
    assert standard is not None and standard.input_per_mtok is not None and batch.input_per_mtok is not None
    assert batch.input_per_mtok <= standard.input_per_mtok
    tiered = gptkit.price_of("gemini-1.5-pro")
    assert tiered is not None and tiered.tiered and tiered.source.startswith("genai-prices:google/")
