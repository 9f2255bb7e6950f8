"""``AzureClient`` and ``AsyncAzureClient``: the clients for Azure OpenAI.

Azure serves the OpenAI API with three differences this module handles: URLs name a
*deployment* (``{endpoint}/openai/deployments/{deployment}/chat/completions``) and carry an
``api-version`` query parameter; the key travels in an ``api-key`` header, or an Entra ID token
as ``Authorization: Bearer``; and prices are Azure's. Everything else (validation, retries,
typed errors, usage and cost) is the shared core's.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlencode

import httpx
from typing_extensions import Unpack

from gptkit._azure._auth import (
    AsyncAzureADTokenProvider,
    AzureADTokenProvider,
    AzureSettings,
    TokenCache,
    resolve_azure,
)
from gptkit._core._base import BaseClient, Call, Endpoint
from gptkit._core._client import AsyncClient, Client
from gptkit._core._config import NO_API_KEY, ClientConfig, NoAPIKey
from gptkit._core._keys import APIKeyProvider, AsyncAPIKeyProvider
from gptkit._core._options import ClientOptions, shows_options
from gptkit._exceptions import InvalidParameterError
from gptkit._retry import RetryPolicy

if TYPE_CHECKING:
    from typing_extensions import Self

__all__ = ["AsyncAzureClient", "AsyncAzureOpenAI", "AzureClient", "AzureOpenAI"]

#: Operations Azure serves per deployment; everything else (models, files, batches) is not.
DEPLOYMENT_PATHS = frozenset({
    "/chat/completions",
    "/completions",
    "/embeddings",
    "/audio/speech",
    "/audio/transcriptions",
    "/audio/translations",
    "/images/generations",
    "/images/edits",
})
_AZURE_OPTIONS = ("azure_endpoint", "api_version", "azure_deployment", "api_key", "azure_ad_token",
                  "azure_ad_token_provider", "base_url", "organization", "project")
_MAX_CACHED_URLS = 512


class _AzureCore(BaseClient):
    """What both Azure clients add to the shared core: URLs, credentials, price provider."""

    _azure: AzureSettings
    _tokens: TokenCache | None

    def _start_azure(self, options: ClientOptions, http_client: Any, transport: Any, **azure: Any) -> None:
        """A new Azure client: its Azure settings (checked), then every client's setup."""
        self._set_azure(resolve_azure(**azure, is_async=self._is_async))
        self._start(options, http_client, transport, api_key=NO_API_KEY,
                    base_url=self._azure.root, organization=None, project=None)

    def _set_azure(self, settings: AzureSettings) -> None:
        self._azure = settings
        self._tokens = TokenCache(settings.token_provider) if settings.token_provider else None

    # -- BaseClient hooks -------------------------------------------------------------------

    def _init_core(self, config: ClientConfig, retry: RetryPolicy, tags: Mapping[str, str] | None) -> None:
        # OPENAI_ORG_ID / OPENAI_PROJECT_ID belong to OpenAI accounts: never sent to Azure; an
        # organization or project given to the Azure client is (as the official one sends it).
        azure = self._azure
        config = config.replace(base_url=azure.root, organization=azure.organization, project=azure.project)
        super()._init_core(config, retry, tags)

    def _auth_headers(self) -> Mapping[str, str]:
        azure = self._azure
        if azure.api_key is not None:
            return {"api-key": azure.api_key.reveal()}
        if azure.ad_token is not None:
            return {"authorization": f"Bearer {azure.ad_token.reveal()}"}
        return {}  # a token provider signs each attempt in _send; NO_API_KEY sends nothing

    def _rate_limit_identity(self) -> str:
        # Azure's limits belong to a deployment of a resource, whichever key or token is used
        # (and never to NO_API_KEY's empty identity, which every keyless client would share).
        return f"azure\n{self._azure.root}\n{self._azure.deployment or ''}"

    def _url_for(self, endpoint: Endpoint, path: str, body: Mapping[str, Any] | None) -> httpx.URL:
        deployment: object = None
        if endpoint.path in DEPLOYMENT_PATHS and not self._deployment_in_url():
            deployment = self._azure.deployment or (body.get("model") if body is not None else None)
            if not isinstance(deployment, str) or not deployment:
                raise InvalidParameterError(
                    f"Invalid parameter for {endpoint.path}: Azure needs a deployment: pass "
                    "model='<deployment name>' or create the client with azure_deployment=...",
                    param="model", errors=[("model", "names no deployment")],
                )
            key = f"{deployment}\n{path}"
        else:
            key = path
        url = self._urls.get(key)
        if url is None:
            base = self._config.base_url
            if isinstance(deployment, str):
                base += "/deployments/" + quote(deployment, safe="")
            url = httpx.URL(f"{base}{path}?{urlencode({'api-version': self._azure.api_version})}")
            if len(self._urls) >= _MAX_CACHED_URLS:
                self._urls.clear()  # many distinct deployments: stay bounded
            self._urls[key] = url
        return url

    def _deployment_in_url(self) -> bool:
        # A base_url that names a deployment already (the official client's test, on its path).
        base_url = self._azure.base_url
        return base_url is not None and "/deployments" in httpx.URL(base_url).path

    def _detect_price_provider(self) -> str | None:
        return "azure"

    # -- public read-only options -----------------------------------------------------------

    @property
    def base_url(self) -> httpx.URL:
        """Where calls go, as the official client shows it: ``{endpoint}/openai/``, or
        ``.../openai/deployments/{azure_deployment}/`` with a fixed deployment, or ``base_url``."""
        azure = self._azure
        if azure.deployment is not None and azure.base_url is None:
            return httpx.URL(f"{azure.root}/deployments/{quote(azure.deployment, safe='')}/")
        return httpx.URL(azure.root + "/")

    @base_url.setter
    def base_url(self, url: str | httpx.URL) -> None:
        self._set_azure(self._azure.changed({"base_url": url}, is_async=self._is_async))
        self._init_core(self._config, self._retry, self._tags)

    @property
    def api_key(self) -> str:
        """The ``api-key`` (a function's last one; "" with an Entra ID token or ``NO_API_KEY``),
        as the official client reports it; never shown in the client's repr."""
        azure = self._azure
        if azure.key_provider is not None:
            return azure.key_provider.last
        return azure.api_key.reveal() if azure.api_key is not None else ""

    @property
    def azure_endpoint(self) -> str:
        """The resource's endpoint, e.g. ``https://my-resource.openai.azure.com``."""
        return self._azure.endpoint

    @property
    def api_version(self) -> str:
        """The ``api-version`` every request carries."""
        return self._azure.api_version

    @property
    def azure_deployment(self) -> str | None:
        """The fixed deployment, or None when each call's ``model`` names it."""
        return self._azure.deployment

    def __repr__(self) -> str:
        azure = self._azure
        return (f"{type(self).__name__}(azure_endpoint={azure.endpoint!r}, "
                f"api_version={azure.api_version!r}, azure_deployment={azure.deployment!r}, "
                f"auth={azure.auth!r})")

    def with_options(self, *, retry: RetryPolicy | None = None, tags: Mapping[str, str] | None = None,
                     **changes: Any) -> Self:
        """A copy with some options changed (Azure's included) that shares the connection pool.

        ``**changes`` are constructor options (``azure_endpoint``, ``api_version``,
        ``azure_deployment``, ``api_key``, ``azure_ad_token``, ``azure_ad_token_provider``,
        ``base_url``, ``organization``, ``project``, ``timeout``, ``max_retries``...). ``retry``
        replaces the ``RetryPolicy``; ``tags`` are added to this client's.
        """
        azure_changes = self._split_changes(changes)
        clone: Self = super().with_options(retry=retry, tags=tags, **changes)
        clone._apply_changes(azure_changes, is_async=self._is_async)
        return clone

    copy = with_options

    def _split_changes(self, changes: dict[str, Any]) -> dict[str, Any]:
        return {k: changes.pop(k) for k in _AZURE_OPTIONS if k in changes}

    def _apply_changes(self, azure_changes: dict[str, Any], *, is_async: bool) -> None:
        if azure_changes:
            self._set_azure(self._azure.changed(azure_changes, is_async=is_async))
            self._init_core(self._config, self._retry, self._tags)


class AzureClient(_AzureCore, Client):
    """A synchronous client for Azure OpenAI.

    Options fall back to ``AZURE_OPENAI_ENDPOINT``, ``OPENAI_API_VERSION`` and
    ``AZURE_OPENAI_API_KEY`` (or ``AZURE_OPENAI_AD_TOKEN``). Authenticate with one of
    ``api_key`` (sent as the ``api-key`` header), ``azure_ad_token`` (a fixed Entra ID token) or
    ``azure_ad_token_provider`` (a callable returning a token string, called for every request,
    or a token with an expiry such as ``gptkit.AzureToken`` or azure-identity's ``AccessToken``,
    reused until shortly before it expires). Calls go to ``azure_deployment`` when it is set,
    else to the deployment named by each call's ``model``. Missing endpoint, version or
    credential raise ``ConfigurationError`` / ``MissingAPIKeyError`` here, before any I/O. The
    other options are every client's (``api-version`` is added to ``default_query``; a
    ``rate_limit`` counts per deployment, whichever credential is used; ``prices`` come before
    the database's Azure prices).

    :param azure_endpoint: the resource's endpoint, ``https://NAME.openai.azure.com`` (default
        ``AZURE_OPENAI_ENDPOINT``).
    :param api_version: the ``api-version`` every request carries (default
        ``OPENAI_API_VERSION``).
    :param azure_deployment: the deployment every call goes to; None: each call's ``model``
        names it.
    :param api_key: the resource's key, sent as ``api-key`` (default ``AZURE_OPENAI_API_KEY``),
        or a function returning it, called before every attempt.
    :param azure_ad_token: a fixed Entra ID token (default ``AZURE_OPENAI_AD_TOKEN``).
    :param azure_ad_token_provider: a callable returning a token string (called for every
        request) or a token with an expiry (reused until shortly before it expires).
    :param organization: sent as ``OpenAI-Organization`` when given (``OPENAI_ORG_ID`` is not
        read: it names an OpenAI account).
    :param project: sent as ``OpenAI-Project`` when given (``OPENAI_PROJECT_ID`` is not read).
    :param base_url: instead of ``azure_endpoint``: the URL calls go under, e.g.
        ``https://NAME.openai.azure.com/openai`` (each call's ``model`` names the deployment) or
        ``.../openai/deployments/NAME`` (every call goes to that deployment).
    :param http_client: your own ``httpx.Client``; gptkit never closes it. Not with
        ``transport=``.
    :param transport: an httpx transport for the client gptkit builds (a cassette, a fake).
    """

    @shows_options
    def __init__(
        self,
        *,
        azure_endpoint: str | None = None,
        api_version: str | None = None,
        azure_deployment: str | None = None,
        api_key: str | NoAPIKey | APIKeyProvider | None = None,
        azure_ad_token: str | None = None,
        azure_ad_token_provider: AzureADTokenProvider | None = None,
        organization: str | None = None,
        project: str | None = None,
        base_url: str | httpx.URL | None = None,
        http_client: httpx.Client | None = None,
        transport: httpx.BaseTransport | None = None,
        **options: Unpack[ClientOptions],
    ) -> None:
        self._start_azure(options, http_client, transport, azure_endpoint=azure_endpoint,
                          api_version=api_version, azure_deployment=azure_deployment, api_key=api_key,
                          azure_ad_token=azure_ad_token, azure_ad_token_provider=azure_ad_token_provider,
                          organization=organization, project=project, base_url=base_url)

    def _transmit(self, call: Call) -> httpx.Response:
        tokens, keys = self._tokens, self._azure.key_provider
        if tokens is not None:  # right before each send: a retry or a limiter wait may outlast a token
            call.request.headers["authorization"] = f"Bearer {tokens.get()}"
        elif keys is not None:
            call.request.headers["api-key"] = keys.get()
        return super()._transmit(call)


class AsyncAzureClient(_AzureCore, AsyncClient):
    """An asyncio client for Azure OpenAI: the twin of ``AzureClient``, same options, same order.

    ``azure_ad_token_provider`` may be synchronous or a coroutine function (e.g. from
    ``azure.identity.aio``). A synchronous provider runs on the event loop, so it should return
    quickly (azure-identity's providers cache their tokens).

    :param azure_endpoint: like ``AzureClient``'s (default ``AZURE_OPENAI_ENDPOINT``).
    :param api_version: like ``AzureClient``'s (default ``OPENAI_API_VERSION``).
    :param azure_deployment: like ``AzureClient``'s.
    :param api_key: like ``AzureClient``'s; a function may be a coroutine function.
    :param azure_ad_token: like ``AzureClient``'s (default ``AZURE_OPENAI_AD_TOKEN``).
    :param azure_ad_token_provider: like ``AzureClient``'s, or a coroutine function.
    :param organization: like ``AzureClient``'s.
    :param project: like ``AzureClient``'s.
    :param base_url: like ``AzureClient``'s: instead of ``azure_endpoint``, the URL calls go under.
    :param http_client: your own ``httpx.AsyncClient``; gptkit never closes it. Not with
        ``transport=``.
    :param transport: an httpx async transport for the client gptkit builds (a cassette, a fake).
    """

    @shows_options
    def __init__(
        self,
        *,
        azure_endpoint: str | None = None,
        api_version: str | None = None,
        azure_deployment: str | None = None,
        api_key: str | NoAPIKey | AsyncAPIKeyProvider | None = None,
        azure_ad_token: str | None = None,
        azure_ad_token_provider: AsyncAzureADTokenProvider | None = None,
        organization: str | None = None,
        project: str | None = None,
        base_url: str | httpx.URL | None = None,
        http_client: httpx.AsyncClient | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        **options: Unpack[ClientOptions],
    ) -> None:
        self._start_azure(options, http_client, transport, azure_endpoint=azure_endpoint,
                          api_version=api_version, azure_deployment=azure_deployment, api_key=api_key,
                          azure_ad_token=azure_ad_token, azure_ad_token_provider=azure_ad_token_provider,
                          organization=organization, project=project, base_url=base_url)

    async def _transmit(self, call: Call) -> httpx.Response:
        tokens, keys = self._tokens, self._azure.key_provider
        if tokens is not None:  # right before each send: a retry or a limiter wait may outlast a token
            call.request.headers["authorization"] = f"Bearer {await tokens.aget()}"
        elif keys is not None:
            call.request.headers["api-key"] = await keys.aget()
        return await super()._transmit(call)


#: The official package's names, so ``import gptkit as openai; openai.AzureOpenAI(...)`` works.
AzureOpenAI = AzureClient
AsyncAzureOpenAI = AsyncAzureClient
