"""Exchanging a workload identity for an OpenAI access token, and keeping it fresh.

``WorkloadIdentityAuth`` (a subject token from a provider) and ``X509WorkloadIdentityAuth`` (the
HTTP client's certificate) cache the token and exchange again ``refresh_buffer_seconds`` before it
expires (at most half its lifetime early), one exchange at a time however many threads or tasks
ask. The client asks before every attempt, as it asks an ``api_key`` function; a 401 from the API
drops the token so the next attempt exchanges again.

The request and the reading of the answer are pure (``_exchange_request``, ``read_token``); only
sending differs between the sync and async paths. The exchange goes through the transport the
client's own HTTP client uses for that URL (its proxies, certificate and mounts apply), without the
client's default headers, event hooks, auth or cookies: nothing of the API calls leaks into it.
"""

from __future__ import annotations

import math
import re
import threading
import time
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import httpx

from gptkit._core._config import USER_AGENT
from gptkit._core._errors import map_transport_error, status_error
from gptkit._exceptions import APIConnectionError, APIStatusError, GptkitError, OAuthError
from gptkit.auth._identity import (
    DEFAULT_REFRESH_BUFFER_SECONDS,
    DEFAULT_TOKEN_EXCHANGE_URL,
    SUBJECT_TOKEN_TYPES,
    TOKEN_EXCHANGE_GRANT_TYPE,
    X509_SUBJECT_TOKEN_TYPE,
    X509_TOKEN_EXCHANGE_URL,
    WorkloadIdentity,
    X509WorkloadIdentity,
    check_identity,
)

__all__ = ["WorkloadIdentityAuth", "X509WorkloadIdentityAuth", "read_token"]

IdentityT = TypeVar("IdentityT", WorkloadIdentity, X509WorkloadIdentity)
_EXCHANGE_TIMEOUT = httpx.Timeout(10.0)
#: After a failed refresh while the cached token still works: try again this much later.
_RETRY_REFRESH_AFTER = 0.5
_BEARER = re.compile(r"[A-Za-z0-9._~+/-]+=*")  # RFC 6750's b64token


def read_token(response: httpx.Response, *, x509: bool = False) -> tuple[str, float]:
    """The access token and its lifetime (seconds) from the token endpoint's answer (body read).

    400/401/403 is the endpoint refusing the identity: ``OAuthError``. Another error status is the
    typed status error (429 and 5xx are retried by the client's retry policy). A success without a
    usable token is a ``GptkitError`` (``OpenAIError``); no message includes the token.
    """
    if response.status_code in (400, 401, 403):
        try:
            body: object = response.json() if response.content else None
        except ValueError:
            body = None
        raise OAuthError(response=response, body=body)
    if response.is_error:
        error = status_error(response)
        error.message = f"Token exchange failed with status {response.status_code}: {error.message}"
        error.args = (error.message,)
        raise error
    try:
        body = response.json()
    except ValueError:
        body = None
    if not isinstance(body, dict):
        raise GptkitError("Token exchange succeeded but the response body was not a JSON object")
    token, expires_in = body.get("access_token"), body.get("expires_in")
    if not isinstance(token, str) or not token:
        raise GptkitError("Token exchange response did not include a valid access_token")
    if (isinstance(expires_in, bool) or not isinstance(expires_in, (int, float))
            or not math.isfinite(expires_in) or expires_in <= 0):
        raise GptkitError("Token exchange response did not include a positive, finite expires_in")
    if x509:
        token_type = body.get("token_type", "bearer")
        if not isinstance(token_type, str) or token_type.lower() != "bearer" or not _BEARER.fullmatch(token):
            raise GptkitError("X.509 token exchange response did not include a valid Bearer access_token")
    return token, float(expires_in)


def _transient(exc: BaseException) -> bool:
    """A failure worth riding out on a still valid token: unreachable, or busy (429, 5xx)."""
    if isinstance(exc, APIConnectionError):
        return True
    return isinstance(exc, APIStatusError) and (exc.status_code in (408, 409, 429) or exc.status_code >= 500)


class _TokenCache(Generic[IdentityT]):
    """The cache and its refresh schedule; subclasses say what the exchange request is."""

    token_exchange_url: str

    def __init__(self, workload_identity: IdentityT, *, http_client: httpx.Client | httpx.AsyncClient | None,
                 clock: Callable[[], float]) -> None:
        check_identity(workload_identity)
        self.workload_identity: IdentityT = workload_identity
        self._http = http_client
        self._clock = clock
        self._token: str | None = None
        self._expires_at = 0.0
        self._refresh_at = 0.0
        self._lock = threading.Lock()
        self._alock: Any = None  # an anyio.Lock, made by the first async caller

    def __repr__(self) -> str:  # never the token
        cached = "cached" if self._token is not None else "empty"
        identity = self.workload_identity
        return (f"{type(self).__name__}(identity_provider_id={identity['identity_provider_id']!r}, "
                f"service_account_id={identity['service_account_id']!r}, {cached})")

    def _bind(self, http_client: httpx.Client | httpx.AsyncClient) -> None:
        """Exchange through the client's HTTP client (its transport: proxies, certificate)."""
        if self._http is None:
            self._http = http_client

    # -- the cache (pure, under the lock) --------------------------------------------------------

    def _fresh(self) -> str | None:
        now = self._clock()
        if self._token is None or now >= self._refresh_at or now >= self._expires_at:
            return None
        return self._token

    def _still_valid(self) -> str | None:
        """After a transient failure to refresh: the cached token while it has not expired."""
        if self._token is None or self._clock() >= self._expires_at:
            return None
        self._refresh_at = self._clock() + _RETRY_REFRESH_AFTER
        return self._token

    def _store(self, token: str, expires_in: float) -> str:
        now = self._clock()
        buffer = float(self.workload_identity.get("refresh_buffer_seconds", DEFAULT_REFRESH_BUFFER_SECONDS))
        self._token, self._expires_at = token, now + expires_in
        self._refresh_at = now + max(expires_in - min(buffer, expires_in / 2), 0.0)
        return token

    def invalidate_token(self, token: str | None = None) -> None:
        """Drop the cached token (only if it is ``token``, when given): the API refused it."""
        with self._lock:
            if token is None or token == self._token:
                self._token, self._expires_at, self._refresh_at = None, 0.0, 0.0

    # -- the exchange ------------------------------------------------------------------------------

    def _exchange_payload(self) -> dict[str, str]:
        raise NotImplementedError

    def _exchange_request(self) -> httpx.Request:
        identity = self.workload_identity
        body = {"grant_type": TOKEN_EXCHANGE_GRANT_TYPE, **self._exchange_payload(),
                "identity_provider_id": identity["identity_provider_id"],
                "service_account_id": identity["service_account_id"]}
        return httpx.Request("POST", self.token_exchange_url, json=body,
                             headers={"accept": "application/json", "user-agent": USER_AGENT},
                             extensions={"timeout": _EXCHANGE_TIMEOUT.as_dict()})

    def _read(self, response: httpx.Response) -> tuple[str, float]:
        return read_token(response)

    def get_token(self) -> str:
        """The current access token, exchanged first when there is none or it is due."""
        with self._lock:  # one exchange at a time: the others wait, then take its token
            token = self._fresh()
            if token is not None:
                return token
            try:
                return self._store(*self._read(self._send(self._exchange_request())))
            except Exception as exc:
                token = self._still_valid() if _transient(exc) else None
                if token is None:
                    raise
                return token

    async def get_token_async(self) -> str:
        """``get_token`` for an async client: the exchange is awaited, one at a time."""
        import anyio

        if self._alock is None:
            self._alock = anyio.Lock()
        async with self._alock:
            with self._lock:
                token = self._fresh()
            if token is not None:
                return token
            try:
                token, expires_in = self._read(await self._asend(self._exchange_request()))
            except Exception as exc:
                with self._lock:
                    fallback = self._still_valid() if _transient(exc) else None
                if fallback is None:
                    raise
                return fallback
            with self._lock:
                return self._store(token, expires_in)

    def _send(self, request: httpx.Request) -> httpx.Response:
        http = self._http
        if isinstance(http, httpx.AsyncClient):
            raise TypeError("this workload identity exchanges through an async client: "
                            "await get_token_async()")
        if http is None:
            with httpx.Client(follow_redirects=False) as own:
                return _sent(request, lambda: own._transport_for_url(request.url).handle_request(request))
        client = http
        return _sent(request, lambda: client._transport_for_url(request.url).handle_request(request))

    async def _asend(self, request: httpx.Request) -> httpx.Response:
        http = self._http
        if isinstance(http, httpx.AsyncClient):
            transport = http._transport_for_url(request.url)
            try:
                response = await transport.handle_async_request(request)
                response.request = request
                await response.aread()
                await response.aclose()
            except httpx.TransportError as exc:
                raise map_transport_error(exc, request) from exc
            return response
        import anyio.to_thread

        return await anyio.to_thread.run_sync(self._send, request)


def _sent(request: httpx.Request, send: Callable[[], httpx.Response]) -> httpx.Response:
    """Send through a transport directly (no hooks, auth, cookies or redirects), body read."""
    try:
        response = send()
        response.request = request
        response.read()
        response.close()
    except httpx.TransportError as exc:
        raise map_transport_error(exc, request) from exc
    return response


class WorkloadIdentityAuth(_TokenCache[WorkloadIdentity]):
    """Exchanges a subject-token workload identity (``WorkloadIdentity``) at
    ``token_exchange_url`` for an OpenAI access token, cached until it is due for refresh.
    ``OpenAI(workload_identity=...)`` builds one; build your own to get a token for other uses."""

    def __init__(self, *, workload_identity: WorkloadIdentity,
                 token_exchange_url: str = DEFAULT_TOKEN_EXCHANGE_URL,
                 http_client: httpx.Client | httpx.AsyncClient | None = None,
                 _clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(workload_identity, http_client=http_client, clock=_clock)
        self.token_exchange_url = token_exchange_url

    def _exchange_payload(self) -> dict[str, str]:
        provider = self.workload_identity["provider"]
        subject_token = provider["get_token"]()
        if not isinstance(subject_token, str) or not subject_token:
            raise GptkitError("The workload identity provider returned an empty subject token")
        return {"subject_token": subject_token,
                "subject_token_type": SUBJECT_TOKEN_TYPES[provider["token_type"]]}


class X509WorkloadIdentityAuth(_TokenCache[X509WorkloadIdentity]):
    """Exchanges an X.509 workload identity for an OpenAI access token at OpenAI's mutual-TLS
    token endpoint, through the client's HTTP client, whose certificate authenticates it."""

    token_exchange_url = X509_TOKEN_EXCHANGE_URL

    def __init__(self, *, workload_identity: X509WorkloadIdentity,
                 http_client: httpx.Client | httpx.AsyncClient | None = None,
                 _clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(workload_identity, http_client=http_client, clock=_clock)

    def _exchange_payload(self) -> dict[str, str]:
        return {"subject_token_type": X509_SUBJECT_TOKEN_TYPE}

    def _read(self, response: httpx.Response) -> tuple[str, float]:
        return read_token(response, x509=True)
