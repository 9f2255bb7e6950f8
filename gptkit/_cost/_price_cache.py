"""Resolved database prices, cached, so that pricing a call costs microseconds instead of ~80.

genai-prices prices one call in three steps:

1. find the provider and the model: depends on the names only (and on the database snapshot);
2. pick the model's price in force (``ModelInfo.get_prices``): depends on the request context,
   and on the moment only through its constraints' ``active(when)`` (start dates, off-peak
   windows). A date bucket would be wrong for off-peak windows; the constraints' answers are
   exactly what the choice depends on, so they are the key;
3. split the usage into the priced units' "leaf" counts (``compute_leaf_values``: ~75 µs, most of
   the cost) and add up ``price * count / per``.

Steps 1 and 2 are cached by everything they depend on. For step 3, with the four counts gptkit
reports (prompt, cached, completion, reasoning), every leaf count is an integer affine function of
them once it is known which of them are zero: the database infers an unreported count as 0 or
refuses, depending only on which reported counts are positive, and a leaf is its own count minus
its priced descendants' leaves. A ``_Plan`` records those functions, learned by asking
genai-prices at a few points and checked at another one. Pricing then adds
``calc_unit_price(price, count, ...)`` (genai-prices' own function) in genai-prices' order, so
each ``Decimal`` is the one the uncached path gives, digit for digit
(``tests/test_cost_price_cache.py`` compares them over the whole database).

Anything unusual takes the uncached path: a probe that raises (that path then raises the same
error), a plan whose check fails, a negative leaf, a genai-prices without these internals (the
releases for Python 3.10), Groq (which rewrites audio usage before pricing).
"""

from __future__ import annotations

import threading
from datetime import datetime, timezone
from decimal import Decimal
from typing import Any

__all__ = ["PRICE_CACHE", "PriceCache", "ResolvedPrice"]

#: (prompt, cached, completion, reasoning) points where plans are learned (scaled by pattern).
_BASE = (3, 1, 3, 1)
_CHECK = (1_000_003, 70_001, 50_007, 1_234)
#: Entries kept before the cache starts over (model names come from callers: keep it bounded).
_MAX_ENTRIES = 4096


def _internals() -> Any:
    """genai-prices' pricing internals, or None when this release does not have them."""
    try:
        from genai_prices import types

        return (types._collect_resolved_model_prices, types._compute_registry_priced_counts,
                types.calc_unit_price, types.TieredPrices, types.Usage)
    except (ImportError, AttributeError):
        return None


#: (price, per, direction, constant, coefficients, fixed amount or None) of one priced unit.
_Row = tuple[Any, int, "str | None", int, tuple[int, ...], "Decimal | None"]


class _Plan:
    """Leaf counts as affine functions of (prompt, cached, completion, reasoning) for one pattern."""

    __slots__ = ("rows", "tiered")

    def __init__(self, rows: list[_Row], tiered: bool) -> None:
        #: One row per priced unit, in genai-prices' order (the order it adds the amounts in).
        self.rows = rows
        self.tiered = tiered


def _usage_values(prompt: int, cached: int, completion: int, reasoning: int) -> dict[str, int]:
    """The usage gptkit reports to genai-prices (as ``_database.quote`` builds it)."""
    values = {"input_tokens": prompt, "output_tokens": completion}
    if cached:
        values["cache_read_tokens"] = cached
    if reasoning:
        values["output_reasoning_tokens"] = reasoning
    return values


def _learn(model_price: Any, pattern: tuple[bool, ...]) -> _Plan | None:
    """The plan of ``model_price`` for counts that are positive where ``pattern`` says, or None."""
    found = _internals()
    if found is None:
        return None
    collect, counts_of, unit_price, tiered_type, usage_type = found
    from genai_prices.units import _get_registry

    resolved = collect(model_price, _get_registry())

    def leaves(point: tuple[int, ...]) -> dict[str, Any]:
        counts: dict[str, Any] = counts_of(resolved, usage_type(**_usage_values(*point)))
        return counts

    base = tuple(v if on else 0 for v, on in zip(_BASE, pattern, strict=True))
    at_base = leaves(base)
    slopes: list[dict[str, Any]] = []
    for index, on in enumerate(pattern):
        if not on:
            slopes.append({})
            continue
        point = tuple(v + 1 if i == index else v for i, v in enumerate(base))
        at_point = leaves(point)
        slopes.append({key: at_point[key] - at_base[key] for key in at_base})
    rows = []
    tiered = any(isinstance(price, tiered_type) for _, price in resolved)
    for unit, price in resolved:
        key = unit.usage_key
        value = at_base.get(key)
        if not isinstance(value, int):
            return None  # a count that is not a plain integer: not ours to predict
        coefficients = tuple(slope.get(key, 0) for slope in slopes)
        constant = value - sum(c * v for c, v in zip(coefficients, base, strict=True))
        fixed = None
        if not any(coefficients) and not isinstance(price, tiered_type):
            # perf: a count that never changes (e.g. web searches: 0) has a fixed amount.
            fixed = unit_price(price, constant, 0, unit.per)
        rows.append((price, unit.per, unit.dimensions.get("direction"), constant, coefficients, fixed))
    plan = _Plan(rows, tiered)
    check = tuple(v if on else 0 for v, on in zip(_CHECK, pattern, strict=True))
    expected = leaves(check)
    for (unit, _), row in zip(resolved, plan.rows, strict=True):
        if _leaf(row, check) != expected.get(unit.usage_key):
            return None
    return plan


def _leaf(row: _Row, point: tuple[int, ...]) -> int:
    coefficients = row[4]
    return row[3] + sum(c * v for c, v in zip(coefficients, point, strict=True))


class ResolvedPrice:
    """A model's price in force for one request context and one set of constraint answers."""

    __slots__ = ("_lock", "_unit_price", "model_price", "plans", "source")

    def __init__(self, model_price: Any, source: str) -> None:
        self.model_price = model_price
        self.source = source
        self.plans: dict[tuple[bool, ...], _Plan | None] = {}
        self._lock = threading.Lock()
        found = _internals()
        self._unit_price = found[2] if found is not None else None

    def amounts(
        self, prompt: int, cached: int, completion: int, reasoning: int
    ) -> tuple[Decimal, Decimal, Decimal] | None:
        """(input, output, total) dollars as genai-prices computes them, or None: ask it."""
        unit_price = self._unit_price
        if unit_price is None:
            return None
        pattern = (prompt > 0, cached > 0, completion > 0, reasoning > 0)
        try:
            plan = self.plans[pattern]
        except KeyError:
            with self._lock:
                try:
                    plan = _learn(self.model_price, pattern)
                except Exception:  # the database refuses this usage: the uncached path says why
                    plan = None
                self.plans[pattern] = plan
        if plan is None:
            return None
        total_input = prompt if plan.tiered else 0
        input_price = output_price = total_price = Decimal(0)
        for row in plan.rows:
            amount = row[5]
            if amount is None:
                c = row[4]
                count = row[3] + c[0] * prompt + c[1] * cached + c[2] * completion + c[3] * reasoning
                if count < 0:
                    return None  # the database raises for this usage: let it
                amount = unit_price(row[0], count, total_input, row[1])
            total_price += amount
            if row[2] == "input":
                input_price += amount
            elif row[2] == "output":
                output_price += amount
        return input_price, output_price, total_price


class _Model:
    """A (provider, model) found in the database, and its prices resolved so far."""

    __slots__ = ("by_day", "constraints", "day", "model_info", "provider_info", "resolved")

    def __init__(self, provider_info: Any, model_info: Any) -> None:
        self.provider_info = provider_info
        self.model_info = model_info
        self.resolved: dict[tuple[Any, ...], ResolvedPrice] = {}
        #: What ``get_prices`` depends on besides the context; None: never cache (see module doc).
        self.constraints: tuple[Any, ...] | None = None
        #: Whether every constraint is a start date, and the last (UTC day, their answers).
        self.by_day = False
        self.day: tuple[Any, tuple[bool, ...]] | None = None
        if getattr(provider_info, "id", None) == "groq":
            return
        try:
            from genai_prices.types import StartDateConstraint

            prices = model_info.prices
            found = [c.constraint for c in prices] if isinstance(prices, list) else []
            found += [v.constraint for v in model_info.price_variants or ()]
        except (ImportError, AttributeError):
            return
        self.constraints = tuple(c for c in found if c is not None)
        self.by_day = all(type(c) is StartDateConstraint for c in self.constraints)

    def key(self, when: datetime, context: dict[str, str]) -> tuple[Any, ...] | None:
        constraints = self.constraints
        if constraints is None:
            return None
        if not constraints:
            active: tuple[bool, ...] = ()
        elif self.by_day:
            # perf: start dates compare the request's UTC date only: their answers hold all day.
            day = (when.astimezone(timezone.utc) if when.tzinfo is not None else when).date()
            memo = self.day
            if memo is not None and memo[0] == day:
                active = memo[1]
            else:
                active = tuple(c.active(when) for c in constraints)
                self.day = (day, active)
        else:
            active = tuple(c.active(when) for c in constraints)
        return (tuple(sorted(context.items())) if context else (), active)


class PriceCache:
    """Found models by name and their resolved prices, for one database snapshot at a time."""

    def __init__(self) -> None:
        self._snapshot: Any = None
        self._models: dict[tuple[str, str | None, str | None], _Model | None] = {}
        self._lock = threading.Lock()

    def model(self, snapshot: Any, name: str, provider: str | None, api_url: str | None,
              find: Any) -> _Model | None:
        """The database's provider and model for ``name`` (``find`` looks it up on a miss)."""
        if snapshot is not self._snapshot:
            with self._lock:  # a new snapshot (an update, a custom one): start over
                self._snapshot = snapshot
                self._models = {}
        key = (name, provider, api_url)
        models = self._models
        try:
            return models[key]
        except KeyError:
            pass
        found = find(snapshot, name, provider, api_url)
        entry = None if found is None else _Model(*found)
        if len(models) >= _MAX_ENTRIES:
            models.clear()
        models[key] = entry
        return entry

    def clear(self) -> None:
        with self._lock:
            self._snapshot = None
            self._models = {}


def resolved_for(entry: _Model, when: datetime, context: dict[str, str]) -> tuple[Any, ResolvedPrice | None]:
    """(cache key, the resolved price if known) of ``entry`` at ``when`` in ``context``."""
    key = entry.key(when, context)
    if key is None:
        return None, None
    return key, entry.resolved.get(key)


def remember(entry: _Model, key: Any, model_price: Any, source: str) -> None:
    """Keep the price genai-prices chose for ``key`` (from an uncached computation)."""
    if key is None:
        return
    if len(entry.resolved) >= _MAX_ENTRIES:
        entry.resolved.clear()
    entry.resolved[key] = ResolvedPrice(model_price, source)


#: The process-wide cache (the database snapshot is process-wide too).
PRICE_CACHE = PriceCache()
