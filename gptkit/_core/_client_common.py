"""What ``Client`` and ``AsyncClient`` share besides the sans-IO core: option resolution, setup,
and copies with changed options (``with_options``)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import httpx

from gptkit._core._base import BaseClient
from gptkit._core._config import HTTPX_DEFAULT_TIMEOUT, ClientConfig, NoAPIKey, resolve_config
from gptkit._core._lazy import lazy_names
from gptkit._core._params import NOT_GIVEN, NotGiven
from gptkit._cost import KEEP, BudgetBackend, CostState, Ledger, ModelPrice, PriceTable
from gptkit._exceptions import ConfigurationError
from gptkit._observe._trace import EventListener, Observer
from gptkit._retry import RetryPolicy

if TYPE_CHECKING:
    from typing_extensions import Self

    from gptkit._ratelimit import RateLimit, RateLimiter

__all__ = ["DEFAULT_LIMITS", "DEFAULT_MAX_RETRIES", "Configurable", "resolve_client_config"]

#: ``max_retries`` when not given (the official SDK's); ``retry=`` replaces it.
DEFAULT_MAX_RETRIES = 2

#: Resources are cached per client; a ``with_options`` copy builds its own (bound to the copy).
_RESOURCES = frozenset({"chat", "completions", "embeddings", "models", "files", "batches"})

DEFAULT_LIMITS = httpx.Limits(max_connections=1000, max_keepalive_connections=200, keepalive_expiry=30.0)


def resolve_client_config(
    api_key: str | NoAPIKey | None,
    base_url: str | httpx.URL | None,
    organization: str | None,
    project: str | None,
    timeout: float | httpx.Timeout | NotGiven | None,
    max_retries: int,
    default_headers: Mapping[str, str] | None,
    default_query: Mapping[str, Any] | None,
    http_client: object | None,
    transport: object | None,
    *,
    retry: object = None,
    is_async: bool = False,
) -> ClientConfig:
    """The client's options, after the checks no option may skip: every mistake here used to be
    accepted silently and surface at the first call, or never."""
    if http_client is not None and transport is not None:
        raise ConfigurationError("pass http_client= or transport=, not both")
    _check_network(http_client, transport, is_async=is_async)
    _check_retry(retry, max_retries)
    # The official SDK's rule: an http_client built with its own timeout keeps it.
    if (isinstance(timeout, NotGiven) and isinstance(http_client, (httpx.Client, httpx.AsyncClient))
            and http_client.timeout != HTTPX_DEFAULT_TIMEOUT):
        timeout = http_client.timeout
    return resolve_config(
        api_key=api_key, base_url=base_url, organization=organization, project=project,
        timeout=timeout, max_retries=max_retries, default_headers=default_headers,
        default_query=default_query,
    )


def _check_network(http_client: object | None, transport: object | None, *, is_async: bool) -> None:
    client, kind = ("AsyncClient", "Async") if is_async else ("Client", "")
    want = httpx.AsyncClient if is_async else httpx.Client
    if http_client is not None and not isinstance(http_client, want):
        twin = "gptkit.Client" if is_async else "gptkit.AsyncClient"
        hint = f" (an {type(http_client).__name__} goes with {twin})" if isinstance(
            http_client, (httpx.Client, httpx.AsyncClient)) else ""
        raise TypeError(f"{client}(http_client=...) needs an httpx.{kind}Client, not "
                        f"{type(http_client).__name__}{hint}")
    method = "handle_async_request" if is_async else "handle_request"
    if transport is not None and not callable(getattr(transport, method, None)):
        raise TypeError(f"{client}(transport=...) needs an httpx.{kind}BaseTransport (with {method}()), "
                        f"not {type(transport).__name__}")


def _check_retry(retry: object, max_retries: int) -> None:
    if retry is None:
        return
    if not isinstance(retry, RetryPolicy):
        raise TypeError(f"retry must be a gptkit.RetryPolicy, not {type(retry).__name__}")
    if max_retries != DEFAULT_MAX_RETRIES:
        raise ConfigurationError(
            f"pass max_retries= or retry=, not both: max_retries={max_retries} would be ignored "
            f"(retry=RetryPolicy(max_attempts={max_retries + 1}, ...) is the same limit)"
        )


def _check_setup(tags: object, listeners: object) -> None:
    if tags is not None and not isinstance(tags, Mapping):
        raise TypeError(f"tags must be a mapping of names to values, not {type(tags).__name__}")
    if listeners is not None and (callable(listeners) or isinstance(listeners, (str, bytes))
                                  or not isinstance(listeners, Iterable)):
        raise TypeError(f"listeners must be a list of listeners (listeners=[fn]), not "
                        f"{type(listeners).__name__}")


def _as_limiter(rate_limit: RateLimit | RateLimiter | None) -> RateLimiter | None:
    """The client's limiter; the rate limiting machinery loads only for a client that has one."""
    if rate_limit is None:
        return None
    from gptkit._ratelimit import as_limiter

    return as_limiter(rate_limit)


def _copy_changes(config: ClientConfig, changes: dict[str, Any]) -> ClientConfig:
    """``config`` with the official ``copy()``'s rules: an option left out (or ``None``) is kept,
    ``timeout=None`` means no timeout, ``default_headers``/``default_query`` merge into the current
    ones and ``set_default_headers``/``set_default_query`` replace them."""
    unknown = set(changes) - _COPY_OPTIONS
    if unknown:
        raise TypeError(f"with_options() got unexpected options: {', '.join(sorted(unknown))}")
    current: dict[str, Any] = {
        "api_key": config.api_key.reveal() if config.api_key is not None else NoAPIKey(),
        "base_url": config.base_url, "organization": config.organization,
        "project": config.project, "timeout": config.timeout, "max_retries": config.max_retries,
        "default_headers": config.default_headers, "default_query": config.default_query,
    }
    for name in ("api_key", "base_url", "organization", "project", "max_retries"):
        value = changes.get(name)
        if value is not None and value is not NOT_GIVEN:
            current[name] = value
    if changes.get("timeout", NOT_GIVEN) is not NOT_GIVEN:
        current["timeout"] = changes["timeout"]
    for name in ("default_headers", "default_query"):
        merge, replace = changes.get(name), changes.get(f"set_{name}")
        if merge is not None and replace is not None:
            raise ValueError(f"The `{name}` and `set_{name}` arguments are mutually exclusive")
        if merge is not None:
            if not isinstance(merge, Mapping):
                raise TypeError(f"{name} must be a mapping, not {type(merge).__name__}")
            current[name] = {**current[name], **merge}
        elif replace is not None:
            current[name] = replace
    return resolve_config(**current)


_COPY_OPTIONS = frozenset({
    "api_key", "base_url", "organization", "project", "timeout", "max_retries", "default_headers",
    "set_default_headers", "default_query", "set_default_query",
})


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
        _check_setup(tags, listeners)
        self._init_core(config, retry, tags)
        self._cost = CostState(base_url=config.base_url, budget=budget, prices=prices, ledger=ledger,
                               is_async=is_async)
        self._cost.provider = self._price_provider
        self._observer = Observer(listeners, self._cost.ledger)  # shared by with_options copies
        self._limiter = _as_limiter(rate_limit)

    def with_options(
        self,
        *,
        api_key: str | None = None,
        organization: str | None = None,
        project: str | None = None,
        base_url: str | httpx.URL | NotGiven | None = NOT_GIVEN,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        http_client: httpx.Client | httpx.AsyncClient | None = None,
        max_retries: int | NotGiven = NOT_GIVEN,
        default_headers: Mapping[str, str] | None = None,
        set_default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
        set_default_query: Mapping[str, object] | None = None,
        retry: RetryPolicy | None = None,
        tags: Mapping[str, str] | None = None,
        budget: BudgetBackend | None = KEEP,
        prices: Any = KEEP,
        ledger: Ledger = KEEP,
        **changes: Any,
    ) -> Self:
        """A copy with some options changed; ``copy()`` is the same method (the official names).

        Options follow the official ``copy()``: left out means kept, ``timeout=None`` means no
        timeout, ``default_headers``/``default_query`` merge into this client's and
        ``set_default_headers``/``set_default_query`` replace them. The copy shares this client's
        connection pool (unless given ``http_client=``), ledger, budget and prices unless given
        its own (``ledger=Ledger()``, ``budget=None`` ...).
        """
        given = {"api_key": api_key, "organization": organization, "project": project,
                 "base_url": base_url, "timeout": timeout, "max_retries": max_retries,
                 "default_headers": default_headers, "set_default_headers": set_default_headers,
                 "default_query": default_query, "set_default_query": set_default_query}
        changes.update({k: v for k, v in given.items() if v is not None and v is not NOT_GIVEN})
        if timeout is None:
            changes["timeout"] = None  # explicitly no timeout
        if retry is not None and "max_retries" in changes:
            _check_retry(retry, changes["max_retries"])
        _check_setup(tags, None)
        if http_client is not None:
            is_async = isinstance(self.__dict__.get("_http"), httpx.AsyncClient)
            _check_network(http_client, None, is_async=is_async)
        clone = object.__new__(type(self))
        resources = _RESOURCES | lazy_names(type(self))
        clone.__dict__.update({k: v for k, v in self.__dict__.items() if k not in resources})
        config = _copy_changes(self._config, changes) if changes else self._config
        if retry is None and "max_retries" in changes:
            # Only the number of attempts changes: backoff, hooks and test mode are kept.
            retry = dataclasses.replace(self._retry, max_attempts=config.max_retries + 1)
        clone._init_core(config, retry or self._retry, {**self._tags, **(tags or {})})
        clone._owns_http = False
        if http_client is not None:
            clone.__dict__["_http"] = http_client
        clone._cost = self._cost.derive(config.base_url, budget=budget, prices=prices, ledger=ledger)
        return clone

    copy = with_options
