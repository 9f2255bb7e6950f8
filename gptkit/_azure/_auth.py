"""Azure OpenAI credentials: option resolution and the Entra ID token cache.

A token provider is any callable returning either a plain string (called again for every
request, so the provider does its own caching, as ``azure.identity.get_bearer_token_provider``
does) or a token with an expiry (``gptkit.AzureToken``, or azure-identity's ``AccessToken``):
such a token is reused until shortly before it expires, then the provider is called again.
Refreshes are single-flight: concurrent threads or tasks wait for one call of the provider.
"""

from __future__ import annotations

import inspect
import os
import threading
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field, replace
from typing import Any, Final, Protocol, Union

import anyio
import httpx

from gptkit._clock import get_clock
from gptkit._core._config import NoAPIKey, Secret, normalize_base_url
from gptkit._core._keys import KeyProvider
from gptkit._exceptions import ConfigurationError, MissingAPIKeyError

__all__ = [
    "API_KEY_SENTINEL",
    "REFRESH_MARGIN",
    "AsyncAzureADTokenProvider",
    "AzureADTokenProvider",
    "AzureSettings",
    "AzureToken",
    "ExpiringToken",
    "MutuallyExclusiveAuthError",
    "TokenCache",
    "resolve_azure",
]

#: Seconds before its expiry at which a cached token is refreshed (azure-core uses the same).
REFRESH_MARGIN: Final = 300.0
#: The official ``openai.lib.azure`` placeholder for "no key" (a copy carries it; not a credential).
API_KEY_SENTINEL: Final = "<missing API key>"


class MutuallyExclusiveAuthError(ConfigurationError):
    """More than one Azure credential was given (``api_key``, ``azure_ad_token``,
    ``azure_ad_token_provider``): the official ``openai.lib.azure`` error, worded the same."""

    def __init__(self) -> None:
        super().__init__("The `api_key`, `azure_ad_token` and `azure_ad_token_provider` arguments are "
                         "mutually exclusive; Only one can be passed at a time")


@dataclass(frozen=True)
class AzureToken:
    """An Entra ID access token and its expiry, in seconds since the epoch.

    Return one from an ``azure_ad_token_provider`` to let gptkit cache the token until shortly
    before it expires (azure-identity's ``AccessToken`` works the same way, unchanged).
    """

    token: str = field(repr=False)
    expires_on: float

    def __repr__(self) -> str:
        return f"AzureToken(token='**********', expires_on={self.expires_on!r})"


class ExpiringToken(Protocol):
    """Any token with an expiry: ``gptkit.AzureToken``, azure-identity's ``AccessToken``..."""

    @property
    def token(self) -> str: ...

    @property
    def expires_on(self) -> float: ...


TokenResult = Union[str, ExpiringToken]  # noqa: UP007 (a runtime alias on 3.10)
#: A token provider for ``AzureClient``: returns a token string or a token with an expiry.
AzureADTokenProvider = Callable[[], TokenResult]
#: A token provider for ``AsyncAzureClient``: sync, or async (a coroutine function).
AsyncAzureADTokenProvider = Callable[[], Union[TokenResult, Awaitable[TokenResult]]]  # noqa: UP007


def _coerce(value: object) -> tuple[str, float | None]:
    """The token string and its expiry (None: do not cache) from what a provider returned."""
    expires_on: float | None = None
    if isinstance(value, str):
        token = value
    else:
        found = getattr(value, "token", None)
        expiry = getattr(value, "expires_on", None)
        if not isinstance(found, str) or isinstance(expiry, bool) or not isinstance(expiry, (int, float)):
            raise TypeError(
                "azure_ad_token_provider must return a str, or a token with a str .token and a "
                f"numeric .expires_on (seconds since the epoch), not {type(value).__name__}"
            )
        token, expires_on = found, float(expiry)
    if not token:
        raise TypeError("azure_ad_token_provider returned an empty token")
    return token, expires_on


class TokenCache:
    """Calls a token provider when needed; thread- and task-safe, one refresh at a time."""

    def __init__(self, provider: Callable[[], Any]) -> None:
        self._provider = provider
        self._cached: tuple[Secret, float] | None = None  # (token, refresh after this wall time)
        self._lock = threading.Lock()
        self._alock: anyio.Lock | None = None

    def __repr__(self) -> str:
        return "TokenCache(provider=...)"

    def _fresh(self) -> str | None:
        cached = self._cached  # one read: another thread may replace it meanwhile
        if cached is not None and get_clock().wall() < cached[1]:
            return cached[0].reveal()
        return None

    def _store(self, value: object) -> str:
        token, expires_on = _coerce(value)
        self._cached = None if expires_on is None else (Secret(token), expires_on - REFRESH_MARGIN)
        return token

    def get(self) -> str:
        """A valid token, from the cache or from the (synchronous) provider."""
        token = self._fresh()
        if token is not None:
            return token
        with self._lock:
            token = self._fresh()
            if token is not None:
                return token
            value = self._provider()
            if inspect.isawaitable(value):
                if inspect.iscoroutine(value):
                    value.close()  # never awaited: close it so Python does not warn
                raise TypeError(
                    "azure_ad_token_provider returned an awaitable; AzureClient needs a "
                    "synchronous provider (use AsyncAzureClient for an async one)"
                )
            return self._store(value)

    async def aget(self) -> str:
        """A valid token, from the cache or from the provider (sync or async)."""
        token = self._fresh()
        if token is not None:
            return token
        if self._alock is None:
            self._alock = anyio.Lock()
        async with self._alock:
            token = self._fresh()
            if token is not None:
                return token
            value = self._provider()
            if inspect.isawaitable(value):
                value = await value
            return self._store(value)


@dataclass(frozen=True)
class AzureSettings:
    """The resolved Azure options of a client (never shows its secrets)."""

    endpoint: str
    api_version: str
    deployment: str | None
    api_key: Secret | None = None
    ad_token: Secret | None = None
    token_provider: Callable[[], Any] | None = field(default=None, repr=False)
    no_key: bool = False
    #: ``api_key=`` a function: asked for the ``api-key`` before every attempt.
    key_provider: KeyProvider | None = field(default=None, repr=False)
    #: ``base_url=`` instead of ``azure_endpoint``: calls go under it (no trailing slash).
    base_url: str | None = None
    #: Sent as ``OpenAI-Organization`` / ``OpenAI-Project`` when given (never from the environment).
    organization: str | None = None
    project: str | None = None

    @property
    def root(self) -> str:
        """What every call's path is appended to: ``base_url``, else ``{endpoint}/openai``."""
        return self.base_url if self.base_url is not None else self.endpoint + "/openai"

    @property
    def auth(self) -> str:
        """How requests authenticate, for reprs: api-key, azure_ad_token, token provider, none."""
        if self.api_key is not None or self.key_provider is not None:
            return "api-key"
        if self.ad_token is not None:
            return "azure_ad_token"
        if self.token_provider is not None:
            return "azure_ad_token_provider"
        return "none"

    def changed(self, changes: dict[str, Any], *, is_async: bool) -> AzureSettings:
        """These settings with ``with_options`` changes applied (a new credential replaces the old)."""
        credential_keys = ("api_key", "azure_ad_token", "azure_ad_token_provider")
        if any(k in changes for k in credential_keys):
            credentials = {k: changes.get(k) for k in credential_keys}
        else:
            key: Any = self.api_key.reveal() if self.api_key else None
            if self.key_provider is not None:
                key = self.key_provider.function
            credentials = {
                "api_key": NoAPIKey() if self.no_key else key,
                "azure_ad_token": self.ad_token.reveal() if self.ad_token else None,
                "azure_ad_token_provider": self.token_provider,
            }
        # The official copy's rule: where calls go is azure_endpoint (+ deployment) or base_url.
        if "base_url" in changes:
            where = {"azure_endpoint": None, "base_url": changes["base_url"],
                     "azure_deployment": changes.get("azure_deployment")}
        elif "azure_endpoint" in changes or self.base_url is None:
            where = {"azure_endpoint": changes.get("azure_endpoint", self.endpoint), "base_url": None,
                     "azure_deployment": changes.get("azure_deployment", self.deployment)}
        else:
            where = {"azure_endpoint": None, "base_url": self.base_url,
                     "azure_deployment": changes.get("azure_deployment")}
        return resolve_azure(
            api_version=changes.get("api_version", self.api_version),
            organization=changes.get("organization", self.organization),
            project=changes.get("project", self.project),
            is_async=is_async,
            **where,
            **credentials,
        )

    def with_replaced(self, **changes: Any) -> AzureSettings:
        return replace(self, **changes)


def _setting(name: str, value: object, env: str, missing: str) -> str:
    """An option given as ``name=`` or in the environment variable ``env``; ``missing`` says how
    to give it when neither did."""
    found = value or os.environ.get(env) or None
    if found is None:
        raise ConfigurationError(missing)
    if not isinstance(found, str):
        raise ConfigurationError(f"{name} must be a string, not {type(found).__name__}")
    return found


def _endpoint(value: str | None) -> str:
    endpoint = _setting("azure_endpoint", value, "AZURE_OPENAI_ENDPOINT",
                        "No Azure endpoint: pass azure_endpoint='https://<resource>.openai.azure.com' "
                        "or set AZURE_OPENAI_ENDPOINT.")
    endpoint = endpoint.strip().rstrip("/")
    if not endpoint.startswith(("http://", "https://")):
        raise ConfigurationError(f"azure_endpoint must start with https:// (or http://), not {endpoint!r}")
    if endpoint.endswith("/openai"):  # a common paste: gptkit adds the /openai segment itself
        endpoint = endpoint[: -len("/openai")]
    return endpoint


def _where(azure_endpoint: str | None, base_url: object,
           azure_deployment: str | None) -> tuple[str, str | None]:
    """The endpoint and, when calls go under a ``base_url`` instead, that URL."""
    if base_url is None:
        return _endpoint(azure_endpoint), None
    if azure_endpoint is not None:
        raise ConfigurationError("base_url and azure_endpoint are mutually exclusive")
    if azure_deployment is not None:
        raise ConfigurationError("azure_deployment goes with azure_endpoint; with base_url, put the "
                                 "deployment in the URL (.../openai/deployments/NAME)")
    url = normalize_base_url(base_url)
    parts = httpx.URL(url)
    return f"{parts.scheme}://{parts.netloc.decode('ascii')}", url


def resolve_azure(
    *,
    azure_endpoint: str | None,
    api_version: str | None,
    azure_deployment: str | None,
    api_key: str | NoAPIKey | Callable[[], Any] | None,
    azure_ad_token: str | None,
    azure_ad_token_provider: Callable[[], Any] | None,
    is_async: bool,
    base_url: object = None,
    organization: str | None = None,
    project: str | None = None,
) -> AzureSettings:
    """Resolve arguments and ``AZURE_OPENAI_*`` / ``OPENAI_API_VERSION`` into settings."""
    endpoint, root = _where(azure_endpoint, base_url, azure_deployment)
    for name, value in (("organization", organization), ("project", project)):
        if value is not None and not isinstance(value, str):
            raise TypeError(f"{name} must be a string, not {type(value).__name__}")
    version = _setting("api_version", api_version, "OPENAI_API_VERSION",
                       "No Azure API version: pass api_version='2024-10-21' (or another version your "
                       "resource supports) or set OPENAI_API_VERSION.")
    if azure_deployment is not None and (not isinstance(azure_deployment, str) or not azure_deployment):
        raise ConfigurationError(f"azure_deployment must be a non-empty string, not {azure_deployment!r}")
    given = [n for n, v in (("api_key", api_key), ("azure_ad_token", azure_ad_token),
                            ("azure_ad_token_provider", azure_ad_token_provider)) if v is not None]
    if len(given) > 1:
        raise MutuallyExclusiveAuthError()
    settings = AzureSettings(endpoint=endpoint, api_version=version, deployment=azure_deployment,
                             base_url=root, organization=organization or None, project=project or None)
    if azure_ad_token_provider is not None:
        if not callable(azure_ad_token_provider):
            raise ConfigurationError("azure_ad_token_provider must be a callable returning a token")
        if not is_async and inspect.iscoroutinefunction(azure_ad_token_provider):
            raise ConfigurationError(
                "azure_ad_token_provider is async; use AsyncAzureClient, or pass a sync provider"
            )
        return settings.with_replaced(token_provider=azure_ad_token_provider)
    if isinstance(api_key, NoAPIKey):
        return settings.with_replaced(no_key=True)
    if not given:
        api_key = os.environ.get("AZURE_OPENAI_API_KEY") or None
        azure_ad_token = None if api_key else (os.environ.get("AZURE_OPENAI_AD_TOKEN") or None)
    if callable(api_key):
        return settings.with_replaced(key_provider=KeyProvider(api_key, is_async=is_async))
    if api_key is not None:
        if not isinstance(api_key, str):
            raise TypeError(f"api_key must be a string, not {type(api_key).__name__}")
        return settings.with_replaced(api_key=Secret(api_key))
    if azure_ad_token is not None:
        if not isinstance(azure_ad_token, str):
            raise TypeError(f"azure_ad_token must be a string, not {type(azure_ad_token).__name__}")
        return settings.with_replaced(ad_token=Secret(azure_ad_token))
    raise MissingAPIKeyError(
        "No Azure credential: pass api_key=..., azure_ad_token=... or azure_ad_token_provider=..., "
        "or set AZURE_OPENAI_API_KEY or AZURE_OPENAI_AD_TOKEN."
    )
