"""The ``genai-prices`` adapter: the maintained price database, imported on first use only.

``import gptkit`` never imports ``genai_prices`` (it takes a fifth of a second); the first cost
computation does. Everything the rest of gptkit needs from the database goes through ``quote``.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from gptkit._cost._price_cache import PRICE_CACHE, _usage_values, remember, resolved_for

__all__ = [
    "FALLBACK_PROVIDER", "Quote", "Rates", "database_version", "known_models", "known_providers", "quote",
    "quote_uncached", "quote_units",
    "rates",
]

logger = logging.getLogger("gptkit")

_MTOK = Decimal(1_000_000)
_module: Any = None
_import_failed = False


@dataclass(frozen=True)
class Quote:
    """A price computed from the database, split the way ``Cost`` reports it."""

    input: Decimal
    cached_input: Decimal
    output: Decimal
    total: Decimal
    source: str


def _load() -> Any:
    global _module, _import_failed
    if _module is None and not _import_failed:
        try:
            import genai_prices
            import genai_prices.data_snapshot
        except ImportError:  # e.g. Python 3.10, where no release of genai-prices installs
            _import_failed = True
            logger.warning("gptkit: genai-prices is not installed; costs need prices=... overrides")
        else:
            _module = genai_prices
    return _module


@dataclass(frozen=True)
class Rates:
    """A model's rates in the database, in dollars per million tokens (None: not priced)."""

    input: Decimal | None
    cached_input: Decimal | None
    output: Decimal | None
    source: str
    tiered: bool


def database_version() -> str | None:
    """The installed genai-prices version, or None when it cannot be imported."""
    module = _load()
    return None if module is None else str(module.__version__)


def known_providers() -> list[str]:
    """The ids of the database's price lists (``openai``, ``azure``, ``anthropic``...), sorted."""
    module = _load()
    if module is None:
        return []
    return sorted(entry.id for entry in module.data_snapshot.get_snapshot().providers)


def known_models(provider: str | None = None) -> list[str]:
    """The model names the database prices (one provider's, or every provider's), sorted."""
    module = _load()
    if module is None:
        return []
    names = {model.id for entry in module.data_snapshot.get_snapshot().providers
             if provider is None or entry.id == provider for model in entry.models}
    return sorted(names)


def _rate(price: Any, total_input: int) -> Decimal | None:
    """The per-million rate in force: tiers follow the cliff model (all tokens at the tier's rate)."""
    if price is None or isinstance(price, Decimal):
        return price
    rate: Decimal = price.base
    for tier in sorted(price.tiers, key=lambda t: t.start):
        if total_input > tier.start:
            rate = tier.price
    return rate


#: The price list for a server the database does not know: gptkit speaks OpenAI's API.
FALLBACK_PROVIDER = "openai"


def _find(snapshot: Any, model: str, provider: str | None, api_url: str | None) -> tuple[Any, Any] | None:
    """The database's (provider, model) for ``model``, or None.

    Told a provider, or at a base URL the database knows: that provider's list only. Otherwise
    (a gateway, a proxy, a local server) the model's name picks the provider, and a name only
    OpenAI's list knows (``text-embedding-3-small`` matches no provider's name pattern) is
    OpenAI's: a gateway in front of OpenAI costs what OpenAI charges.
    """
    provider_id = provider
    if provider_id is None and api_url is not None:
        try:
            provider_id = snapshot.find_provider(None, None, api_url).id
        except LookupError:
            provider_id = None  # an unknown host: match by the model's name, then OpenAI's list
    try:
        found: tuple[Any, Any] = snapshot.find_provider_model(model, None, provider_id, None)
    except LookupError:
        if provider_id is not None:
            return None
        try:
            found = snapshot.find_provider_model(model, None, FALLBACK_PROVIDER, None)
        except LookupError:
            return None
    return found


def quote(
    model: str,
    *,
    provider: str | None,
    api_url: str | None,
    when: datetime,
    context: dict[str, str],
    prompt: int,
    cached: int,
    completion: int,
    reasoning: int,
) -> Quote | None:
    """The database's price for this usage, or None when the model (or the database) is unknown.

    ``prompt`` includes ``cached`` and ``completion`` includes ``reasoning``, as in OpenAI usage.
    perf: the model, its price in force and the usage split are cached (``_price_cache``): the
    same ``Quote`` as ``quote_uncached`` in a few microseconds instead of ~80.
    """
    module = _load()
    entry = None if module is None else _cached(module, model, provider, api_url)
    if entry is None:
        return None
    key, resolved = resolved_for(entry, when, context)
    amounts = None if resolved is None else resolved.amounts(prompt, cached, completion, reasoning)
    if resolved is None or amounts is None:
        provider_info, model_info = entry.provider_info, entry.model_info
        calc = _calc(module, provider_info, model_info, when, context,
                     _usage_values(prompt, cached, completion, reasoning))
        if resolved is None:
            remember(entry, key, calc.model_price, _source(provider_info, model_info, context))
        return _split(calc.model_price, calc.input_price, calc.output_price, calc.total_price,
                      _source(provider_info, model_info, context), prompt, cached)
    return _split(resolved.model_price, *amounts, resolved.source, prompt, cached)


def _cached(module: Any, model: str, provider: str | None, api_url: str | None) -> Any:
    return PRICE_CACHE.model(module.data_snapshot.get_snapshot(), model, provider, api_url, _find)


def _calc(module: Any, provider_info: Any, model_info: Any, when: datetime, context: dict[str, str],
          usage: Mapping[str, Any]) -> Any:
    """genai-prices' price of ``usage`` (its ``calc_price``)."""
    return model_info.calc_price(module.Usage(**usage), provider_info, genai_request_timestamp=when,
                                 price_context=context or None)


def _located(model: str, provider: str | None, api_url: str | None) -> tuple[Any, Any, Any] | None:
    """genai-prices (uncached lookup), the provider and the model; None when either is unknown."""
    module = _load()
    found = None if module is None else _find(module.data_snapshot.get_snapshot(), model, provider, api_url)
    return None if found is None else (module, *found)


def quote_uncached(model: str, *, provider: str | None, api_url: str | None, when: datetime,
                   context: dict[str, str], prompt: int, cached: int, completion: int,
                   reasoning: int) -> Quote | None:
    """``quote`` without any cache: genai-prices from the name on (the reference in tests)."""
    located = _located(model, provider, api_url)
    if located is None:
        return None
    module, provider_info, model_info = located
    calc = _calc(module, provider_info, model_info, when, context,
                 _usage_values(prompt, cached, completion, reasoning))
    return _split(calc.model_price, calc.input_price, calc.output_price, calc.total_price,
                  _source(provider_info, model_info, context), prompt, cached)


def quote_units(
    model: str,
    *,
    provider: str | None,
    api_url: str | None,
    when: datetime,
    context: dict[str, str],
    units: Mapping[str, int | Decimal],
) -> Quote | None:
    """The database's price for a metered call (``gptkit._cost._meter``), or None when the model
    is unknown or one of the billed units has no price for it (never a made-up zero)."""
    module = _load()
    entry = None if module is None else _cached(module, model, provider, api_url)
    if entry is None:
        return None
    provider_info, model_info = entry.provider_info, entry.model_info
    prices = model_info.get_prices(when, context or None)
    for key, amount in units.items():
        if amount and not _priced(prices, key):
            return None
    calc = _calc(module, provider_info, model_info, when, context, {k: v for k, v in units.items() if v})
    # Units priced with no direction (Whisper's audio hours) are what the call took in.
    undirected = calc.total_price - calc.input_price - calc.output_price
    return Quote(input=calc.input_price + undirected, cached_input=Decimal(0), output=calc.output_price,
                 total=calc.total_price, source=_source(provider_info, model_info, context))


def _priced(prices: Any, key: str) -> bool:
    """Whether the model's prices cover usage ``key`` (by its own price or its broader unit's)."""
    from gptkit._cost._meter import METER_KEYS

    price_key, broader = METER_KEYS[key]
    if getattr(prices, price_key, None) is not None:
        return True
    return broader is not None and _priced(prices, broader)


def _source(provider_info: Any, model_info: Any, context: dict[str, str]) -> str:
    source = f"genai-prices:{provider_info.id}/{model_info.id}"
    if context:
        source += "".join(f" [{key}={value}]" for key, value in sorted(context.items()))
    return source


def _split(prices: Any, input_price: Decimal, output_price: Decimal, total_price: Decimal, source: str,
           prompt: int, cached: int) -> Quote:
    """The database's amounts split the way ``Cost`` reports them (cached input on its own)."""
    cached_rate = _rate(prices.cache_read_mtok, prompt)
    if cached_rate is None:
        cached_rate = _rate(prices.input_mtok, prompt)
    cached_cost = cached * cached_rate / _MTOK if cached and cached_rate is not None else Decimal(0)
    if cached_cost > input_price:  # priced by keys gptkit does not split: keep it all in input
        cached_cost = Decimal(0)
    return Quote(
        input=input_price - cached_cost,
        cached_input=cached_cost,
        output=output_price,
        total=total_price,
        source=source,
    )


def rates(
    model: str, *, provider: str | None, api_url: str | None, when: datetime, context: dict[str, str]
) -> Rates | None:
    """The database's per-million rates for ``model`` (base tier), or None when it is unknown."""
    located = _located(model, provider, api_url)
    if located is None:
        return None
    _, provider_info, model_info = located
    prices = model_info.get_prices(when, context or None)
    raw = (getattr(prices, "input_mtok", None), getattr(prices, "cache_read_mtok", None),
           getattr(prices, "output_mtok", None))
    source = _source(provider_info, model_info, context)
    return Rates(
        input=_rate(raw[0], 0), cached_input=_rate(raw[1], 0), output=_rate(raw[2], 0), source=source,
        tiered=any(value is not None and not isinstance(value, Decimal) for value in raw),
    )
