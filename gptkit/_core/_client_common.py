"""What ``Client`` and ``AsyncClient`` share besides the sans-IO core: option resolution, setup,
and copies with changed options (``with_options``)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import httpx

from gptkit._core._base import BaseClient
from gptkit._core._config import ClientConfig, NoAPIKey, resolve_config
from gptkit._core._lazy import lazy_names
from gptkit._cost import KEEP, BudgetBackend, CostState, Ledger, ModelPrice, PriceTable
from gptkit._observe._trace import EventListener, Observer
from gptkit._retry import RetryPolicy

if TYPE_CHECKING:
    from typing_extensions import Self

    from gptkit._ratelimit import RateLimit, RateLimiter

__all__ = ["DEFAULT_LIMITS", "Configurable", "resolve_client_config"]

#: Resources are cached per client; a ``with_options`` copy builds its own (bound to the copy).
_RESOURCES = frozenset({"chat", "completions", "embeddings", "models", "files", "batches"})

DEFAULT_LIMITS = httpx.Limits(max_connections=1000, max_keepalive_connections=200, keepalive_expiry=30.0)


def resolve_client_config(
    api_key: str | NoAPIKey | None,
    base_url: str | httpx.URL | None,
    organization: str | None,
    project: str | None,
    timeout: float | httpx.Timeout | None,
    max_retries: int,
    default_headers: Mapping[str, str] | None,
    default_query: Mapping[str, Any] | None,
    http_client: object | None,
    transport: object | None,
) -> ClientConfig:
    if http_client is not None and transport is not None:
        raise ValueError("pass http_client= or transport=, not both")
    return resolve_config(
        api_key=api_key, base_url=base_url, organization=organization, project=project,
        timeout=timeout, max_retries=max_retries, default_headers=default_headers,
        default_query=default_query,
    )


def _as_limiter(rate_limit: RateLimit | RateLimiter | None) -> RateLimiter | None:
    """The client's limiter; the rate limiting machinery loads only for a client that has one."""
    if rate_limit is None:
        return None
    from gptkit._ratelimit import as_limiter

    return as_limiter(rate_limit)


def _copy_changes(config: ClientConfig, changes: dict[str, Any]) -> ClientConfig:
    known = {"api_key", "base_url", "organization", "project", "timeout", "max_retries",
             "default_headers", "default_query"}
    unknown = set(changes) - known
    if unknown:
        raise TypeError(f"with_options() got unexpected options: {', '.join(sorted(unknown))}")
    current: dict[str, Any] = {
        "api_key": config.api_key.reveal() if config.api_key is not None else NoAPIKey(),
        "base_url": config.base_url, "organization": config.organization,
        "project": config.project, "timeout": config.timeout, "max_retries": config.max_retries,
        "default_headers": config.default_headers, "default_query": config.default_query,
    }
    current.update(changes)
    return resolve_config(**current)


class Configurable(BaseClient):
    """What the twin clients share beyond the core: copies with changed options."""

    _owns_http: bool

    def _setup(
        self,
        config: ClientConfig,
        retry: RetryPolicy | None,
        tags: Mapping[str, str] | None,
        rate_limit: RateLimit | RateLimiter | None,
        budget: BudgetBackend | None,
        prices: PriceTable | Mapping[str, ModelPrice] | None,
        ledger: Ledger | None,
        listeners: Iterable[EventListener] | None,
        *,
        is_async: bool,
    ) -> None:
        """Everything a new client sets up besides its HTTP client (the same for both twins)."""
        self._init_core(config, retry, tags)
        self._cost = CostState(base_url=config.base_url, budget=budget, prices=prices, ledger=ledger,
                               is_async=is_async)
        self._cost.provider = self._price_provider
        self._observer = Observer(listeners, self._cost.ledger)  # shared by with_options copies
        self._limiter = _as_limiter(rate_limit)

    def with_options(self, *, retry: RetryPolicy | None = None, tags: Mapping[str, str] | None = None,
                     budget: BudgetBackend | None = KEEP, prices: Any = KEEP, ledger: Ledger = KEEP,
                     **changes: Any) -> Self:
        """A copy with some options changed that shares this client's connection pool.

        The copy shares this client's ledger, budget and prices unless given its own
        (``ledger=Ledger()``, ``budget=None`` ...).
        """
        clone = object.__new__(type(self))
        resources = _RESOURCES | lazy_names(type(self))
        clone.__dict__.update({k: v for k, v in self.__dict__.items() if k not in resources})
        config = _copy_changes(self._config, changes) if changes else self._config
        if retry is None and "max_retries" in changes:
            retry = RetryPolicy.from_max_retries(config.max_retries)
        clone._init_core(config, retry or self._retry, {**self._tags, **(tags or {})})
        clone._owns_http = False
        clone._cost = self._cost.derive(config.base_url, budget=budget, prices=prices, ledger=ledger)
        return clone
