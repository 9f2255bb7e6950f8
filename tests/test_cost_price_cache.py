"""The price cache gives the uncached quote, digit for digit, for every model in the database.

``_database.quote`` caches the model lookup, the price in force and a plan of the usage split
(``gptkit/_cost/_price_cache.py``); ``quote_uncached`` asks genai-prices everything every time.
These tests compare the two over the whole bundled database, at several usages and moments.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

import pytest

from gptkit._cost import _database
from gptkit._cost._price_cache import PRICE_CACHE

genai_prices = pytest.importorskip("genai_prices")

#: (prompt, cached, completion, reasoning): every pattern of zeros the plans distinguish.
USAGES = [
    (24, 0, 38, 0),
    (1_000, 400, 50, 0),
    (200, 0, 900, 700),
    (250_000, 12_345, 4_000, 3_999),  # above the long-context tiers of tiered models
    (0, 0, 0, 0),
    (12_345, 0, 0, 0),  # an embedding
    (7, 7, 3, 3),  # all cached, all reasoning
]
WHEN = datetime(2025, 6, 1, 12, tzinfo=timezone.utc)


def _outcome(fn: Any, name: str, provider: str, when: datetime, context: dict[str, str],
             usage: tuple[int, int, int, int]) -> Any:
    prompt, cached, completion, reasoning = usage
    try:
        q = fn(name, provider=provider, api_url=None, when=when, context=context, prompt=prompt, cached=cached,
               completion=completion, reasoning=reasoning)
    except Exception as exc:  # the database refuses some usages: the cache must refuse them too
        return ("raised", type(exc), str(exc))
    if q is None:
        return None
    # str(): the same digits and exponent, not only an equal value (ledgers export them as text)
    return (str(q.input), str(q.cached_input), str(q.output), str(q.total), q.source)


def _models() -> list[tuple[str, str]]:
    snapshot = genai_prices.data_snapshot.get_snapshot()
    return [(provider.id, model.id) for provider in snapshot.providers for model in provider.models]


def test_cached_quotes_equal_uncached_ones_for_the_whole_database() -> None:
    PRICE_CACHE.clear()
    compared = 0
    for provider, name in _models():
        for usage in USAGES:
            expected = _outcome(_database.quote_uncached, name, provider, WHEN, {}, usage)
            first = _outcome(_database.quote, name, provider, WHEN, {}, usage)  # fills the cache
            again = _outcome(_database.quote, name, provider, WHEN, {}, usage)  # uses it
            assert first == expected, (provider, name, usage)
            assert again == expected, (provider, name, usage)
            compared += 1
    assert compared > 1_000  # the database was really there
    # ... and the cache really answered: most models got a plan for the usual usage pattern
    plans = [plan for entry in PRICE_CACHE._models.values() if entry is not None
             for resolved in entry.resolved.values() for plan in resolved.plans.values()]
    assert sum(plan is not None for plan in plans) > 0.9 * len(plans)


def test_the_cache_follows_dates_and_off_peak_windows() -> None:
    """Models whose price depends on the moment: each moment gets the price in force then."""
    snapshot = genai_prices.data_snapshot.get_snapshot()
    timed = [
        (provider.id, model.id) for provider in snapshot.providers for model in provider.models
        if isinstance(model.prices, list) and any(p.constraint is not None for p in model.prices)
    ]
    assert timed  # start dates (new prices) and time-of-day windows (off-peak discounts)
    moments = [datetime(2023, 1, 1, tzinfo=timezone.utc), datetime(2024, 9, 1, 3, tzinfo=timezone.utc),
               datetime(2025, 3, 1, 17, 45, tzinfo=timezone.utc), datetime(2026, 1, 1, 0, 30, tzinfo=timezone.utc)]
    PRICE_CACHE.clear()
    differs = 0
    for provider, name in timed:
        seen = set()
        for when in moments:  # interleaved: a later moment must not reuse an earlier price
            for usage in USAGES[:3]:
                expected = _outcome(_database.quote_uncached, name, provider, when, {}, usage)
                assert _outcome(_database.quote, name, provider, when, {}, usage) == expected
                assert _outcome(_database.quote, name, provider, when, {}, usage) == expected
                seen.add(expected)
        differs += len(seen) > 3
    assert differs  # some prices really changed between those moments


def test_the_cache_follows_the_request_context() -> None:
    """Service tiers and batch prices are variants: each context gets its own price."""
    PRICE_CACHE.clear()
    contexts: list[dict[str, str]] = [{}, {"service_tier": "flex"}, {"service_tier": "priority"},
                                      {"processing": "batch"}, {}]
    for name in ("gpt-4o", "gpt-4o-mini", "o3", "gpt-5", "o4-mini"):
        for context in contexts:
            for usage in USAGES[:4]:
                expected = _outcome(_database.quote_uncached, name, "openai", WHEN, context, usage)
                assert _outcome(_database.quote, name, "openai", WHEN, context, usage) == expected
                assert _outcome(_database.quote, name, "openai", WHEN, context, usage) == expected


def test_a_new_snapshot_empties_the_cache() -> None:
    snapshot = genai_prices.data_snapshot.get_snapshot()
    found = PRICE_CACHE.model(snapshot, "gpt-4o", "openai", None, _database._find)
    assert found is not None
    assert PRICE_CACHE.model(snapshot, "gpt-4o", "openai", None, _database._find) is found
    other = object()  # e.g. set_custom_snapshot() or an auto-update: nothing is kept

    def find(snap: Any, *args: Any) -> None:
        assert snap is other
        return None

    assert PRICE_CACHE.model(other, "gpt-4o", "openai", None, find) is None
    assert PRICE_CACHE.model(snapshot, "gpt-4o", "openai", None, _database._find) is not found
