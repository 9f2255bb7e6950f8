"""The clients behind the module-level API, built lazily from the module-level settings.

Sync: one default ``Client`` per process, built on first use under a double-checked lock and
rebuilt when the settings snapshot changes. A replaced client is not closed at once (another
thread may still be in a call on it); its pool is closed by a finalizer when the last call holding
it lets go, or at exit.

Async: an ``AsyncClient`` is bound to the event loop it first ran on, and a loop may end (e.g.
``asyncio.run`` returns) at any time without telling anyone, leaving a shared client's keep-alive
connections behind. So each ``acreate`` call gets its own client over a fresh connection pool and
closes it when the call (or its stream) ends: nothing can leak and nothing crosses loops. That is
what the pre-1.0 package did too (one aiohttp session per call). The cost is a new connection per
call; set ``gptkit.http_client`` to an ``httpx.AsyncClient`` you own to pool connections, or, for
real throughput, use ``gptkit.AsyncClient`` directly.
"""

from __future__ import annotations

import functools
import ssl
import sys
import threading
import warnings
import weakref
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from types import FrameType
from typing import Any, Final, TypeVar

import httpx

from gptkit._core._client import AsyncClient, Client
from gptkit._core._options import DEFAULT_LIMITS
from gptkit._core._params import NOT_GIVEN
from gptkit._exceptions import GptkitError, MissingAPIKeyError
from gptkit._legacy._settings import Settings, read_settings

__all__ = [
    "AsyncLease",
    "Lease",
    "async_lease",
    "build_client",
    "default_client",
    "hold_async_stream",
    "hold_stream",
    "sync_lease",
    "warn_module_level",
]

T = TypeVar("T")

_DEPRECATION: Final = (
    "gptkit's pre-1.0 module-level API (gptkit.Completion.create, gptkit.ChatCompletion.create, "
    "gptkit.Embedding.create, ...) is deprecated: create a "
    "client instead, e.g. client = gptkit.Client(api_key=...); "
    "client.chat.completions.create(model=..., messages=...). See docs/legacy.md."
)
_warned = False
_warn_lock = threading.Lock()

_lock = threading.Lock()
_current: tuple[Settings, Client] | None = None


def warn_module_level() -> None:
    """Emit the pre-1.0 names' ``DeprecationWarning``, once per process."""
    global _warned
    if _warned:
        return
    with _warn_lock:
        if _warned:
            return
        _warned = True
    warnings.warn(_DEPRECATION, DeprecationWarning, stacklevel=_caller_level())


def _caller_level() -> int:
    """The ``stacklevel`` that points at the first frame outside gptkit (the user's call)."""
    level = 2
    frame: FrameType | None = sys._getframe(2)
    while frame is not None and str(frame.f_globals.get("__name__", "")).split(".")[0] == "gptkit":
        level += 1
        frame = frame.f_back
    return level


# -- building ---------------------------------------------------------------------------------


class _BorrowedTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """``gptkit.transport`` as the default clients use it: closing a client must not close it."""

    def __init__(self, inner: Any) -> None:
        self._inner = inner

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response: httpx.Response = self._inner.handle_request(request)
        return response

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response: httpx.Response = await self._inner.handle_async_request(request)
        return response

    def close(self) -> None:
        """The user owns the transport."""

    async def aclose(self) -> None:
        """The user owns the transport."""


@functools.lru_cache(maxsize=1)
def _ssl_context() -> ssl.SSLContext:
    # Building a context loads the CA bundle (milliseconds); every pool made here shares one.
    return httpx.create_ssl_context()


def _network(settings: Settings, *, is_async: bool) -> dict[str, Any]:
    http, transport = settings.http_client, settings.transport
    if http is not None and transport is not None:
        raise ValueError("set gptkit.http_client or gptkit.transport, not both")
    if http is not None:
        wanted = httpx.AsyncClient if is_async else httpx.Client
        if not isinstance(http, wanted):
            style = "async (acreate)" if is_async else "sync"
            raise TypeError(
                f"gptkit.http_client is {type(http).__name__}, but {style} module-level calls need an "
                f"{wanted.__module__}.{wanted.__name__}; set gptkit.transport to serve both"
            )
        return {"http_client": http}
    if transport is not None:
        method = "handle_async_request" if is_async else "handle_request"
        if not hasattr(transport, method):
            raise TypeError(f"gptkit.transport ({type(transport).__name__}) has no {method}()")
        return {"transport": _BorrowedTransport(transport)}
    # A pool of our own: the client does not own it, so whoever holds the client closes it.
    cls = httpx.AsyncClient if is_async else httpx.Client
    return {"http_client": cls(verify=_ssl_context(), limits=DEFAULT_LIMITS, follow_redirects=True)}


def _azure(settings: Settings, *, is_async: bool, network: dict[str, Any]) -> Any:
    name = "AsyncAzureClient" if is_async else "AzureClient"
    cls = getattr(sys.modules["gptkit"], name, None)
    if cls is None:
        raise GptkitError(
            f"gptkit.api_type = {settings.api_type!r} needs gptkit.{name} (Azure OpenAI support), "
            "which this gptkit does not have; module-level Azure settings cannot be used yet"
        )
    options: dict[str, Any] = {
        "azure_ad_token" if settings.api_type == "azure_ad" else "api_key": settings.api_key,
        "azure_endpoint": settings.base_url,
        "api_version": settings.api_version,
        "organization": settings.organization,
        "timeout": settings.timeout,
        "max_retries": settings.max_retries,
        "default_headers": dict(settings.default_headers) or None,
        "default_query": dict(settings.default_query) or None,
        **network,
    }
    return cls(**{k: v for k, v in options.items() if v is not None})


def build_client(settings: Settings, *, is_async: bool) -> Any:
    """A ``Client`` or ``AsyncClient`` (or their Azure twins) configured from ``settings``."""
    network = _network(settings, is_async=is_async)
    try:
        if settings.is_azure:
            return _azure(settings, is_async=is_async, network=network)
        cls = AsyncClient if is_async else Client
        return cls(
            api_key=settings.api_key,
            base_url=settings.base_url,
            organization=settings.organization,
            project=settings.project,
            timeout=NOT_GIVEN if settings.timeout is None else settings.timeout,
            max_retries=2 if settings.max_retries is None else settings.max_retries,
            default_headers=dict(settings.default_headers) or None,
            default_query=dict(settings.default_query) or None,
            **network,
        )
    except MissingAPIKeyError:
        raise MissingAPIKeyError(
            "No API key: set gptkit.api_key = '...' (or the OPENAI_API_KEY environment variable), "
            "or pass api_key=... to the call"
        ) from None


def default_client(settings: Settings | None = None) -> Client:
    """The process's default sync client for the current settings (built on first use)."""
    global _current
    if settings is None:
        settings = read_settings()
    current = _current
    if current is not None and current[0] == settings:
        return current[1]
    with _lock:
        current = _current
        if current is None or current[0] != settings:
            client = build_client(settings, is_async=False)
            if settings.http_client is None:
                # Close the pool when the client is garbage (every call on it has ended), or at exit.
                weakref.finalize(client, client._http.close)
            current = _current = (settings, client)
    return current[1]


# -- leases: a client for one call, released when the call (or its stream) ends ---------------


@dataclass
class Lease:
    """A sync client for one call; ``anchor`` keeps the default client alive while it runs."""

    client: Any
    owned: bool
    anchor: Any = None
    http: httpx.Client | None = None

    def release(self) -> None:
        if self.owned:
            self.client.close()
            if self.http is not None:
                self.http.close()


@dataclass
class AsyncLease:
    """An async client for one call, closed when the call ends."""

    client: Any
    http: httpx.AsyncClient | None

    async def release(self) -> None:
        await self.client.aclose()
        if self.http is not None:
            await self.http.aclose()


_SHAREABLE = frozenset({"api_key", "base_url", "organization"})


def sync_lease(overrides: dict[str, Any]) -> Lease:
    """The client for one sync call: the default one, a pool-sharing copy, or a one-off."""
    settings = read_settings()
    merged = settings.with_overrides(overrides)
    if merged == settings:
        return Lease(default_client(settings), owned=False)
    changed = {name for name in ("api_key", "base_url", "organization", "api_type", "api_version")
               if getattr(merged, name) != getattr(settings, name)}
    if changed <= _SHAREABLE and not settings.is_azure:
        try:
            base = default_client(settings)
        except MissingAPIKeyError:
            pass  # only the call has a key (``create(api_key=...)``): no default client to share
        else:
            copy = base.with_options(**{name: getattr(merged, name) for name in changed})
            return Lease(copy, owned=False, anchor=base)
    client = build_client(merged, is_async=False)
    return Lease(client, owned=True, http=client._http if merged.http_client is None else None)


def async_lease(overrides: dict[str, Any]) -> AsyncLease:
    """A fresh async client for one call (see the module docstring for why)."""
    settings = read_settings().with_overrides(overrides)
    client = build_client(settings, is_async=True)
    # Our pool for this call (not the user's http_client) is closed with it.
    return AsyncLease(client, client._http if settings.http_client is None else None)


def hold_stream(stream: Any, lease: Lease) -> Iterator[Any]:
    """Iterate ``stream``, keeping its client alive, and release the lease at the end."""
    from gptkit._legacy._print import as_legacy

    try:
        for chunk in stream:
            yield as_legacy(chunk)
    finally:
        close = getattr(stream, "close", None)
        if close is not None:
            close()
        lease.release()


async def hold_async_stream(stream: Any, lease: AsyncLease) -> AsyncIterator[Any]:
    """Iterate ``stream`` and close its per-call client when it ends or is abandoned."""
    from gptkit._legacy._print import as_legacy

    try:
        async for chunk in stream:
            yield as_legacy(chunk)
    finally:
        close = getattr(stream, "aclose", None) or getattr(stream, "close", None)
        if close is not None:
            result = close()
            if hasattr(result, "__await__"):
                await result
        await lease.release()
