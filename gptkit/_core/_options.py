"""Client options, spelled once: ``ClientOptions``, the checks no option may skip, the resolved
config and retry policy, and what a copy (``with_options`` / ``copy``) changes."""

from __future__ import annotations

import dataclasses
import inspect
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

import httpx
from typing_extensions import TypedDict

from gptkit._core._config import HTTPX_DEFAULT_TIMEOUT, ClientConfig, NoAPIKey, resolve_config
from gptkit._core._lazy import lazy_names
from gptkit._core._params import NOT_GIVEN, NotGiven
from gptkit._exceptions import ConfigurationError
from gptkit._retry import RetryPolicy

if TYPE_CHECKING:
    from gptkit._core._base import BaseClient
    from gptkit._cost import BudgetBackend, Ledger, ModelPrice, PriceTable
    from gptkit._observe._listeners import EventListener
    from gptkit._ratelimit import RateLimit, RateLimiter

C = TypeVar("C", bound="BaseClient")

__all__ = [
    "DEFAULT_LIMITS",
    "DEFAULT_MAX_RETRIES",
    "ClientOptions",
    "as_limiter",
    "check_retry",
    "check_setup",
    "copy_changes",
    "derive_client",
    "resolve_client_config",
    "shows_options",
]

#: ``max_retries`` when not given (the official SDK's); ``retry=`` replaces it.
DEFAULT_MAX_RETRIES = 2

DEFAULT_LIMITS = httpx.Limits(max_connections=1000, max_keepalive_connections=200, keepalive_expiry=30.0)


class ClientOptions(TypedDict, total=False):
    """The options every client takes, the Azure clients' included (``**options``), each described
    once, here (the API reference shows them as each client's parameters).

    Where the client talks to (``api_key``, ``base_url``, Azure's endpoint) and how it reaches
    the network (``http_client``, ``transport``) are each client's own parameters.
    """

    timeout: float | httpx.Timeout | NotGiven | None
    """Seconds (or an ``httpx.Timeout``) for each attempt; default 600 s, 5 s to connect;
    None for no timeout."""
    max_retries: int
    """Retries after the first attempt (default 2, as the official package); ``retry=``
    replaces it."""
    default_headers: Mapping[str, str] | None
    """Headers sent with every request."""
    default_query: Mapping[str, Any] | None
    """Query parameters sent with every request."""
    retry: RetryPolicy | None
    """A ``RetryPolicy`` (attempts, deadline, backoff) instead of ``max_retries``."""
    tags: Mapping[str, str] | None
    """Labels recorded with every call, in the ledger (``by_tag``) and in events."""
    rate_limit: RateLimit | RateLimiter | None
    """A ``RateLimit`` to stay within (clients given the same object share its
    limiter), or a ``RateLimiter`` to share explicitly."""
    budget: BudgetBackend | None
    """A ``Budget`` or ``RedisBudget`` that refuses a call whose worst-case cost does not
    fit, before it is sent."""
    prices: PriceTable | Mapping[str, ModelPrice] | None
    """Your prices, tried before the genai-prices database: a ``PriceTable`` or a mapping
    of model names (or ``*`` patterns) to ``ModelPrice``."""
    ledger: Ledger | None
    """The ``Ledger`` to count calls, tokens and dollars into (default: a new one)."""
    listeners: Iterable[EventListener] | None
    """Callables told about every call (``gptkit.Listener``)."""


_OPTION_NAMES = frozenset(ClientOptions.__annotations__)
_OPTION_DEFAULTS: dict[str, object] = {"timeout": NOT_GIVEN, "max_retries": DEFAULT_MAX_RETRIES}

F = TypeVar("F", bound=Callable[..., None])


def shows_options(init: F) -> F:
    """Show a constructor's ``**options: Unpack[ClientOptions]`` to ``inspect.signature`` as the
    keyword parameters they are (type checkers and the API reference read the TypedDict), so
    code that introspects the client, as the official one's, sees every option."""
    signature = inspect.signature(init)
    kept = [p for p in signature.parameters.values() if p.kind is not inspect.Parameter.VAR_KEYWORD]
    options = [inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=_OPTION_DEFAULTS.get(name),
                                 annotation=getattr(annotation, "__forward_arg__", annotation))
               for name, annotation in ClientOptions.__annotations__.items()]
    init.__signature__ = signature.replace(parameters=[*kept, *options])  # type: ignore[attr-defined]
    return init


def resolve_client_config(
    owner: str,
    options: ClientOptions,
    *,
    api_key: str | NoAPIKey | Callable[[], Any] | None,
    base_url: str | httpx.URL | None,
    organization: str | None,
    project: str | None,
    http_client: object | None,
    transport: object | None,
    is_async: bool = False,
    workload_identity: object = None,
) -> tuple[ClientConfig, RetryPolicy]:
    """The client's config and retry policy, after the checks no option may skip: every mistake
    here used to be accepted silently and surface at the first call, or never."""
    unknown = sorted(set(options) - _OPTION_NAMES)
    if unknown:  # **options takes any name at run time: name the public class, as Python would
        raise TypeError(f"{owner}.__init__() got an unexpected keyword argument {unknown[0]!r}")
    if http_client is not None and transport is not None:
        raise ConfigurationError("pass http_client= or transport=, not both")
    _check_network(http_client, transport, is_async=is_async)
    max_retries = check_max_retries(options.get("max_retries", DEFAULT_MAX_RETRIES))
    retry = options.get("retry")
    check_retry(retry, max_retries)
    timeout: object = options.get("timeout", NOT_GIVEN)
    # The official SDK's rule: an http_client built with its own timeout keeps it.
    if (isinstance(timeout, NotGiven) and isinstance(http_client, (httpx.Client, httpx.AsyncClient))
            and http_client.timeout != HTTPX_DEFAULT_TIMEOUT):
        timeout = http_client.timeout
    config = resolve_config(
        api_key=api_key, base_url=base_url, organization=organization, project=project,
        timeout=timeout, default_headers=options.get("default_headers"),
        default_query=options.get("default_query"), is_async=is_async, workload_identity=workload_identity,
    )
    return config, retry if retry is not None else RetryPolicy.from_max_retries(max_retries)


def check_max_retries(max_retries: object) -> int:
    if isinstance(max_retries, bool) or not isinstance(max_retries, int):
        raise TypeError(f"max_retries must be a whole number >= 0, not {type(max_retries).__name__}")
    if max_retries < 0:
        raise ValueError(f"max_retries must be a whole number >= 0, not {max_retries!r}")
    return max_retries


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


def check_retry(retry: object, max_retries: int) -> None:
    if retry is None:
        return
    if not isinstance(retry, RetryPolicy):
        raise TypeError(f"retry must be a gptkit.RetryPolicy, not {type(retry).__name__}")
    if max_retries != DEFAULT_MAX_RETRIES:
        raise ConfigurationError(
            f"pass max_retries= or retry=, not both: max_retries={max_retries} would be ignored "
            f"(retry=RetryPolicy(max_attempts={max_retries + 1}, ...) is the same limit)"
        )


def check_setup(tags: object, listeners: object) -> None:
    if tags is not None and not isinstance(tags, Mapping):
        raise TypeError(f"tags must be a mapping of names to values, not {type(tags).__name__}")
    if listeners is not None and (callable(listeners) or isinstance(listeners, (str, bytes))
                                  or not isinstance(listeners, Iterable)):
        raise TypeError(f"listeners must be a list of listeners (listeners=[fn]), not "
                        f"{type(listeners).__name__}")


def as_limiter(rate_limit: RateLimit | RateLimiter | None) -> RateLimiter | None:
    """The client's limiter; the rate limiting machinery loads only for a client that has one."""
    if rate_limit is None:
        return None
    from gptkit._ratelimit import as_limiter as build

    return build(rate_limit)


def copy_changes(config: ClientConfig, changes: dict[str, Any], *, is_async: bool = False) -> ClientConfig:
    """``config`` with the official ``copy()``'s rules: an option left out (or ``None``) is kept,
    ``timeout=None`` means no timeout, ``default_headers``/``default_query`` merge into the current
    ones and ``set_default_headers``/``set_default_query`` replace them. What may change is what
    ``ClientConfig`` holds (``max_retries`` lives in the retry policy: ``derive_client``)."""
    unknown = set(changes) - _COPY_OPTIONS
    if unknown:
        raise TypeError(f"with_options() got unexpected options: {', '.join(sorted(unknown))}")
    current: dict[str, Any] = {f.name: getattr(config, f.name) for f in dataclasses.fields(ClientConfig)
                               if f.init}
    provider = current.pop("api_key_provider")
    if provider is not None:  # a copy asks the same function (its last key is its own)
        current["api_key"] = provider.function
    else:
        current["api_key"] = config.api_key.reveal() if config.api_key is not None else NoAPIKey()
    for name in _MERGED:
        merge, replace = changes.get(name), changes.get(f"set_{name}")
        if merge is not None and replace is not None:
            raise ValueError(f"The `{name}` and `set_{name}` arguments are mutually exclusive")
        if merge is not None:
            if not isinstance(merge, Mapping):
                raise TypeError(f"{name} must be a mapping, not {type(merge).__name__}")
            current[name] = {**current[name], **merge}
        elif replace is not None:
            current[name] = replace
    if changes.get("timeout", NOT_GIVEN) is not NOT_GIVEN:
        current["timeout"] = changes["timeout"]  # None too: no timeout
    for name in current.keys() - _MERGED - {"timeout"}:
        value = changes.get(name)
        if value is not None and value is not NOT_GIVEN:
            current[name] = value
    if changes.get("workload_identity") is not None:  # a new identity replaces the key
        current["api_key"] = None
    elif changes.get("api_key") is not None:  # a key replaces the identity (the official rule)
        current["workload_identity"] = None
    elif provider is not None and provider.auth is not None:  # the same identity: share its token
        current["api_key"], current["workload_identity"] = None, provider.auth
    return resolve_config(**current, is_async=is_async)


#: Options merged into the current ones by a copy (``set_<name>`` replaces them).
_MERGED = frozenset({"default_headers", "default_query"})
_COPY_OPTIONS = (frozenset(f.name for f in dataclasses.fields(ClientConfig) if f.init) - {"api_key_provider"}
                 | {f"set_{name}" for name in _MERGED} | {"max_retries"})


def derive_client(client: C, changes: dict[str, Any], *, retry: RetryPolicy | None,
                  tags: Mapping[str, str] | None, budget: BudgetBackend | None, prices: Any,
                  ledger: Ledger, http_client: httpx.Client | httpx.AsyncClient | None = None) -> C:
    """``client.with_options(...)``: a copy sharing the pool (unless given ``http_client``), with
    ``changes`` to its config."""
    max_retries = changes.pop("max_retries", None)
    if max_retries is not None and max_retries is not NOT_GIVEN:
        check_max_retries(max_retries)
        if retry is not None:
            check_retry(retry, max_retries)
        else:  # only the number of attempts changes: backoff, hooks and test mode are kept
            retry = dataclasses.replace(client._retry, max_attempts=max_retries + 1)
    check_setup(tags, None)
    if http_client is not None:
        is_async = isinstance(client.__dict__.get("_http"), httpx.AsyncClient)
        _check_network(http_client, None, is_async=is_async)
    clone = object.__new__(type(client))
    resources = lazy_names(type(client))  # built again, bound to the copy
    clone.__dict__.update({k: v for k, v in client.__dict__.items() if k not in resources})
    config = copy_changes(client._config, changes, is_async=client._is_async) if changes else client._config
    clone._init_core(config, retry or client._retry, {**client._tags, **(tags or {})})
    clone._owns_http = False
    if http_client is not None:
        clone.__dict__["_http"] = http_client
    clone._cost = client._cost.derive(config.base_url, budget=budget, prices=prices, ledger=ledger)
    return clone
