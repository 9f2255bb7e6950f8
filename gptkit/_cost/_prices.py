"""Prices: user overrides first, then the genai-prices database; never a made-up number.

``PriceTable`` is what a client consults. It holds the user's own prices (fine-tuned models,
negotiated rates, self-hosted models at zero) and falls back to the maintained database. A model
found in neither gets ``cost=None`` and one ``UnknownPriceWarning`` per table and model.
"""

from __future__ import annotations

import fnmatch
import logging
import sys
import threading
import warnings
from collections.abc import Mapping
from datetime import datetime, timezone
from decimal import Decimal
from typing import TYPE_CHECKING

from gptkit._clock import get_clock
from gptkit._cost._model_price import ModelPrice, PriceInfo, UnknownPriceWarning

if TYPE_CHECKING:  # a pydantic model: imported when a cost is first computed, not by `import gptkit`
    from gptkit.types.cost import Cost

__all__ = ["DEFAULT_PRICES", "PriceTable", "as_price_table", "price_of"]

logger = logging.getLogger("gptkit")

_MTOK = Decimal(1_000_000)
#: Service tiers billed at the standard rate: no price variant to look up.
_STANDARD_TIERS = frozenset({"", "auto", "default", "standard"})


class PriceTable:
    """The prices a client uses: your overrides, then the genai-prices database.

    ``prices`` maps model names to ``ModelPrice``; a name may end in ``*`` to cover a family
    (``"ft:gpt-4o-mini:acme:*"``). ``default`` prices every model found nowhere else (e.g.
    ``ModelPrice.free()`` for a self-hosted server). ``use_database=False`` ignores the database.
    One table may be shared by many clients; ``set`` is thread-safe.
    """

    def __init__(
        self,
        prices: Mapping[str, ModelPrice] | None = None,
        *,
        default: ModelPrice | None = None,
        use_database: bool = True,
    ) -> None:
        self._lock = threading.Lock()
        self._exact: dict[str, ModelPrice] = {}
        self._patterns: dict[str, ModelPrice] = {}
        self._default = default
        #: Whether pricing may consult the database (else only overrides and ``default`` answer).
        #: An attribute, not a property: every call reads it (tests/test_layout.py).
        self.needs_database = use_database
        self._warned: set[str] = set()
        for name, price in (prices or {}).items():
            self.set(name, price)

    def __repr__(self) -> str:
        overrides = len(self._exact) + len(self._patterns)
        return (f"<PriceTable overrides={overrides} default={'yes' if self._default else 'no'} "
                f"database={'on' if self.needs_database else 'off'}>")

    def set(self, model: str, price: ModelPrice) -> None:
        """Add or replace the price of ``model`` (or of a ``*`` pattern)."""
        if not isinstance(price, ModelPrice):
            raise TypeError(f"the price of {model!r} must be a gptkit.ModelPrice, not {type(price).__name__}")
        with self._lock:
            # Copy on write: readers look prices up without the lock.
            if "*" in model:
                self._patterns = {**self._patterns, model.lower(): price}
            else:
                self._exact = {**self._exact, model.lower(): price}

    def override(self, model: str) -> tuple[str, ModelPrice] | None:
        """The user's price for ``model`` and the name it was found under, if any."""
        name = model.lower()
        price = self._exact.get(name)
        if price is not None:
            return name, price
        patterns = self._patterns
        for pattern, candidate in patterns.items():
            if fnmatch.fnmatchcase(name, pattern):
                return pattern, candidate
        return None

    def lookup(
        self,
        model: str,
        *,
        provider: str | None = None,
        api_url: str | None = None,
        service_tier: str | None = None,
        batch: bool = False,
        when: datetime | None = None,
    ) -> PriceInfo | None:
        """The rates this table uses for ``model`` and their source, or None when it has none.

        Looks where ``cost`` looks, in the same order: overrides, the database, ``default``.
        """
        found = self.override(model)
        if found is not None:
            return PriceInfo._of(model, found[1], f"override:{found[0]}")
        if self.needs_database:
            context, moment = _database_query(service_tier, batch, when)
            from gptkit._cost import _database  # the genai-prices adapter loads with the first price

            rates = _database.rates(model, provider=provider, api_url=api_url, when=moment, context=context)
            if rates is not None:
                cached = rates.cached_input if rates.cached_input is not None else rates.input
                return PriceInfo(model, rates.input, cached, rates.output, rates.source, rates.tiered)
        if self._default is not None:
            return PriceInfo._of(model, self._default, "default")
        return None

    def cost(
        self,
        model: str,
        *,
        prompt_tokens: int,
        completion_tokens: int = 0,
        cached_tokens: int = 0,
        reasoning_tokens: int = 0,
        provider: str | None = None,
        api_url: str | None = None,
        service_tier: str | None = None,
        batch: bool = False,
        when: datetime | None = None,
        estimated: bool = False,
        aliases: tuple[str, ...] = (),
        warn: bool = True,
    ) -> Cost | None:
        """The cost of one call's usage, or None (with one warning per model) when unpriced.

        ``prompt_tokens`` includes ``cached_tokens`` and ``completion_tokens`` includes
        ``reasoning_tokens``, as in OpenAI's usage. ``aliases`` are other names of the same model
        (the requested name when the server answered with a dated one). ``when`` picks
        date-dependent prices (default: now).
        """
        prompt = max(int(prompt_tokens), 0)
        cached = min(max(int(cached_tokens), 0), prompt)
        completion = max(int(completion_tokens), 0)
        reasoning = min(max(int(reasoning_tokens), 0), completion)
        if aliases:
            names = tuple(dict.fromkeys(n for n in (model, *aliases) if n))
        else:
            names = (model,) if model else ()
        if self._exact or self._patterns:  # perf: most tables (the default one) have no overrides
            for name in names:
                found = self.override(name)
                if found is not None:
                    key, price = found
                    return _cost_from(price, prompt, cached, completion, model, f"override:{key}", estimated)
        if self.needs_database:
            context, moment = _database_query(service_tier, batch, when)
            from gptkit._cost import _database  # the genai-prices adapter loads with the first price

            for name in names:
                try:
                    found_quote = _database.quote(
                        name, provider=provider, api_url=api_url, when=moment, context=context,
                        prompt=prompt, cached=cached, completion=completion, reasoning=reasoning,
                    )
                except Exception as exc:  # a pricing bug must never cost the caller the response
                    logger.warning("gptkit: pricing %s failed: %s: %s", name, type(exc).__name__, exc)
                    found_quote = None
                if found_quote is not None:
                    from gptkit.types.cost import Cost

                    return Cost(
                        input=found_quote.input, cached_input=found_quote.cached_input,
                        output=found_quote.output, total=found_quote.total, model=model,
                        price_source=found_quote.source, estimated=estimated,
                    )
        if self._default is not None:
            return _cost_from(self._default, prompt, cached, completion, model, "default", estimated)
        if warn:
            self._warn_once(names[0] if names else "<no model>", provider)
        return None

    def cost_units(
        self,
        model: str,
        units: Mapping[str, int | Decimal],
        *,
        provider: str | None = None,
        api_url: str | None = None,
        when: datetime | None = None,
        aliases: tuple[str, ...] = (),
        warn: bool = True,
    ) -> Cost | None:
        """The cost of a metered call (images, audio): ``units`` are genai-prices usage keys.

        A ``ModelPrice`` override (or ``default``) prices token units; a call billed in characters
        or seconds takes its price from the database, unless the override is free (all zero).
        None (with one warning per model) when nothing prices every unit the call used.
        """
        names = tuple(dict.fromkeys(n for n in (model, *aliases) if n))
        tokens_only = all(key.endswith("_tokens") for key, amount in units.items() if amount)
        prompt = int(units.get("input_tokens", 0))
        cached = min(int(units.get("cache_read_tokens", 0)), prompt)
        completion = int(units.get("output_tokens", 0))
        for name in names if (self._exact or self._patterns) else ():
            found = self.override(name)
            if found is not None and (tokens_only or _is_free(found[1])):
                return _cost_from(found[1], prompt, cached, completion, model, f"override:{found[0]}", False)
            if found is not None:
                metered = _metered_cost(found[1], units, model, f"override:{found[0]}")
                if metered is not None:
                    return metered
        if self.needs_database:
            moment = when or datetime.fromtimestamp(get_clock().wall(), tz=timezone.utc)
            from gptkit._cost import _database

            for name in names:
                try:
                    quoted = _database.quote_units(name, provider=provider, api_url=api_url, when=moment,
                                                   context={}, units=units)
                except Exception as exc:  # a pricing bug must never cost the caller the response
                    logger.warning("gptkit: pricing %s failed: %s: %s", name, type(exc).__name__, exc)
                    quoted = None
                if quoted is not None:
                    from gptkit.types.cost import Cost

                    return Cost(input=quoted.input, cached_input=quoted.cached_input, output=quoted.output,
                                total=quoted.total, model=model, price_source=quoted.source)
        if self._default is not None and (tokens_only or _is_free(self._default)):
            return _cost_from(self._default, prompt, cached, completion, model, "default", False)
        if warn:
            self._warn_once(names[0] if names else "<no model>", provider)
        return None

    def warn_unpriced(self, model: str, provider: str | None = None) -> None:
        """Warn (once per model) that calls to ``model`` have ``cost=None``: no price is known."""
        self._warn_once(model or "<no model>", provider)

    def _warn_once(self, model: str, provider: str | None) -> None:
        with self._lock:
            if model in self._warned:
                return
            self._warned.add(model)
        where = f" at provider {provider!r}" if provider else ""
        message = (
            f"gptkit: no price is known for model {model!r}{where}; its calls have cost=None. "
            f"Add one with Client(prices={{{model!r}: gptkit.ModelPrice(input_per_mtok=..., "
            f"output_per_mtok=...)}})."
        )
        logger.warning(message)
        warnings.warn(message, UnknownPriceWarning, stacklevel=_outside_gptkit())


def _outside_gptkit() -> int:
    """The ``stacklevel`` of the first frame outside gptkit: a warning names the user's line."""
    level, frame = 2, sys._getframe(2)   # 1 is the caller of warnings.warn
    while frame.f_back is not None and str(frame.f_globals.get("__name__", "")).split(".")[0] == "gptkit":
        level, frame = level + 1, frame.f_back
    return level


def _metered_cost(
    price: ModelPrice, units: Mapping[str, int | Decimal], model: str, source: str
) -> Cost | None:
    """The cost of characters and seconds (plus tokens) at ``price``; None: it lacks a rate used."""
    extra = Decimal(0)
    for key, amount in units.items():
        if not amount or key.endswith("_tokens"):
            continue
        if key == "input_characters" and price.input_per_mchars is not None:
            extra += Decimal(amount) * price.input_per_mchars / _MTOK
        elif key == "audio_seconds" and price.audio_per_hour is not None:
            extra += Decimal(amount) * price.audio_per_hour / 3600
        else:
            return None
    prompt = int(units.get("input_tokens", 0))
    cached = min(int(units.get("cache_read_tokens", 0)), prompt)
    tokens = _cost_from(price, prompt, cached, int(units.get("output_tokens", 0)), model, source, False)
    return tokens.model_copy(update={"input": tokens.input + extra, "total": tokens.total + extra})


def _is_free(price: ModelPrice) -> bool:
    return not (price.input_per_mtok or price.output_per_mtok or price.cached_input_per_mtok
                or price.input_per_mchars or price.audio_per_hour)


def _cost_from(
    price: ModelPrice, prompt: int, cached: int, completion: int, model: str, source: str, estimated: bool
) -> Cost:
    from gptkit.types.cost import Cost

    uncached, cached_cost, output = price.cost(prompt, cached, completion)
    return Cost(
        input=uncached, cached_input=cached_cost, output=output, total=uncached + cached_cost + output,
        model=model, price_source=source, estimated=estimated,
    )


#: The table clients use when given no ``prices=``: the database only, shared by every client
#: so that an unknown model is warned about once per process.
DEFAULT_PRICES = PriceTable()


def as_price_table(prices: PriceTable | Mapping[str, ModelPrice] | None) -> PriceTable:
    """A client's ``prices=`` argument as a table (a mapping adds overrides to the database)."""
    if prices is None:
        return DEFAULT_PRICES
    if isinstance(prices, PriceTable):
        return prices
    if isinstance(prices, Mapping):
        return PriceTable(prices)
    raise TypeError(f"prices must be a gptkit.PriceTable or a mapping of model names to ModelPrice, "
                    f"not {type(prices).__name__}")


def price_of(
    model: str,
    *,
    provider: str | None = None,
    prices: PriceTable | Mapping[str, ModelPrice] | None = None,
    service_tier: str | None = None,
    batch: bool = False,
    when: datetime | None = None,
) -> PriceInfo | None:
    """What ``model`` costs per million tokens, and where that price comes from.

    ``provider`` is the price database's provider id (``"openai"``, ``"azure"``,
    ``"anthropic"``...; None: found from the model's name). ``prices`` are your overrides, as
    given to a client. Returns None when no price is known (a client would report ``cost=None``).

    >>> gptkit.price_of("gpt-4o").output_per_mtok
    Decimal('10')
    """
    return as_price_table(prices).lookup(model, provider=provider, service_tier=service_tier, batch=batch,
                                         when=when)


def _database_query(
    service_tier: str | None, batch: bool, when: datetime | None
) -> tuple[dict[str, str], datetime]:
    """What the price database selects a price by: the context (a tier other than the standard
    one, batch processing) and the moment (default: now)."""
    context: dict[str, str] = {}
    if service_tier and service_tier.lower() not in _STANDARD_TIERS:
        context["service_tier"] = service_tier
    if batch:
        context["processing"] = "batch"
    return context, when or datetime.fromtimestamp(get_clock().wall(), tz=timezone.utc)
