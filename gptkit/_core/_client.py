"""``Client`` and ``AsyncClient``: the I/O loops around the shared core.

Everything that does not send, sleep, lock or settle lives in ``_base`` (the steps of a call),
``_options`` (the options), ``_errors`` (error mapping), ``_attempts`` (the retry loop's
attempts) and ``gptkit._retry`` (the retry decisions); the two classes here differ only in
``send`` versus ``await send`` (and so in how they sleep, lock and settle).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, TypeVar

import httpx
from typing_extensions import Unpack

from gptkit._core._attempts import Attempts
from gptkit._core._base import BaseClient, Call
from gptkit._core._closing import AsyncClosing, Closing
from gptkit._core._config import NoAPIKey
from gptkit._core._errors import map_transport_error, status_error
from gptkit._core._generic import AsyncGenericRequests, GenericRequests
from gptkit._core._keys import APIKeyProvider, AsyncAPIKeyProvider
from gptkit._core._mounts import AsyncResources, SyncResources
from gptkit._core._options import DEFAULT_LIMITS, ClientOptions, shows_options
from gptkit._core._protocol import apply_client_defaults
from gptkit._core._usage import drop_stream_options
from gptkit._exceptions import APIStatusError

if TYPE_CHECKING:
    from gptkit.auth import WorkloadIdentity, X509WorkloadIdentity

__all__ = ["AsyncClient", "Client"]

T = TypeVar("T")
#: What the HTTP clients gptkit builds have besides their transport and timeout.
_HTTP_DEFAULTS: Any = {"limits": DEFAULT_LIMITS, "follow_redirects": True}


class Client(BaseClient, GenericRequests, SyncResources, Closing):
    """A synchronous client for the OpenAI API and every OpenAI-compatible server.

    Options fall back to ``OPENAI_API_KEY``, ``OPENAI_BASE_URL``, ``OPENAI_ORG_ID`` and
    ``OPENAI_PROJECT_ID``. Pass ``http_client=`` (an ``httpx.Client``) or ``transport=`` (any
    httpx transport, e.g. a cassette or ``gptkit.testing.FakeOpenAI``) to control the network.
    Thread-safe; close it with ``close()`` or use it as a context manager. ``listeners=`` are
    told about every call (``gptkit.Listener``); ``client.stats`` counts them live.

    :param api_key: the API key (default ``OPENAI_API_KEY``), or a function returning it, called
        before every attempt (a rotating credential); ``NO_API_KEY`` for a server that needs
        none. It never appears in reprs, logs or errors.
    :param base_url: the API's URL up to ``/v1`` (default ``OPENAI_BASE_URL``, else
        ``https://api.openai.com/v1``): any OpenAI-compatible server.
    :param organization: sent as ``OpenAI-Organization`` (default ``OPENAI_ORG_ID``).
    :param project: sent as ``OpenAI-Project`` (default ``OPENAI_PROJECT_ID``).
    :param http_client: your own ``httpx.Client`` (proxies, limits, HTTP/2); gptkit never
        closes it. Not with ``transport=``.
    :param transport: an httpx transport for the client gptkit builds: a cassette, a
        ``gptkit.testing.FakeOpenAI``, an ``httpx.MockTransport``.
    :param workload_identity: authenticate with the workload's own identity instead of an API key
        (``gptkit.auth``: a Kubernetes, Azure or GCP token, or an X.509 certificate), exchanged for
        a short-lived token before the attempts that need one. Not with ``api_key``.
    """

    _http: httpx.Client

    @shows_options
    def __init__(
        self,
        *,
        api_key: str | NoAPIKey | APIKeyProvider | None = None,
        base_url: str | httpx.URL | None = None,
        organization: str | None = None,
        project: str | None = None,
        http_client: httpx.Client | None = None,
        transport: httpx.BaseTransport | None = None,
        workload_identity: WorkloadIdentity | X509WorkloadIdentity | None = None,
        **options: Unpack[ClientOptions],
    ) -> None:
        self._start(options, http_client, transport, api_key=api_key, base_url=base_url,
                    organization=organization, project=project, workload_identity=workload_identity)

    def _new_http(self, transport: httpx.BaseTransport | None, timeout: httpx.Timeout) -> httpx.Client:
        return httpx.Client(transport=transport, timeout=timeout, **_HTTP_DEFAULTS)

    # -- lifecycle --------------------------------------------------------------------------

    def close(self) -> None:
        """Close the connection pool (not one passed in as ``http_client``, nor a copy's), after
        writing what a ``RedisBudget`` still owes Redis from an outage."""
        self._cost.close()
        if self._owns_http:
            self._http.close()


    # -- the I/O loop -----------------------------------------------------------------------

    def _execute(self, call: Call) -> Any:
        """Reserve the call's worst-case cost in the budget, then run it (released if it fails)."""
        trace = self._observe(call)  # events, DEBUG line and stats of the call
        try:
            self._cost.reserve(call)  # refuses before anything is sent
            return self._run(call)
        except BaseException as exc:
            trace.fail(exc)
            self._cost.fail(call, exc)
            raise

    def _run(self, call: Call) -> Any:
        """Send ``call`` under the retry policy and finish it."""
        if call.stream and not call.endpoint.binary:  # a binary stream is a body read as it comes
            from gptkit._streams._open import open_stream, stream_result  # loaded by the first stream

            try:
                stream = self._attempts(call, lambda: open_stream(self, call))
            except APIStatusError as exc:  # a server that refuses stream_options: once without it
                if not drop_stream_options(call, exc, self._config.base_url):
                    raise
                stream = self._attempts(call, lambda: open_stream(self, call))
            return stream_result(call, stream)
        return self._finish(call, self._attempts(call, lambda: self._send(call)))

    def _attempts(self, call: Call, attempt: Callable[[], T]) -> T:
        """Run ``attempt`` under the retry policy: the one retry loop of the sync client."""
        if self._retry.max_attempts == 1:
            return attempt()
        start = self._clock().monotonic()
        try:  # almost every call succeeds at once: tenacity (``Attempts``) only after a failure
            return attempt()
        except Exception as exc:  # not cancellation or Ctrl-C: no policy retries them
            error = exc
        for try_ in Attempts(self._retry, self._clock(), error, start=start, method=call.request.method,
                             path=call.endpoint.path, on_retry=self._retry_hook(call)):
            with try_:
                result = attempt()
        return result

    def _send(self, call: Call) -> httpx.Response:
        """One attempt: wait for the rate limiter, then send (each retry acquires again)."""
        if self._limiter is None or call.model is None:
            return self._transmit(call)
        permit = call.rate_permit = self._limiter.acquire_for(call, self._rate_limit_identity())
        self._emit_rate_limit_wait(call, permit.wait)  # a no-op when it did not wait
        try:
            response = self._transmit(call)
        except BaseException as exc:
            permit.failed(exc)
            raise
        permit.observe(response.headers, done=not call.stream)
        return response

    def _transmit(self, call: Call) -> httpx.Response:
        """Send, and raise the typed error for a failed status or transport."""
        provider = self._config.api_key_provider
        if provider is not None:  # right before each send: a rotated key is used by the next attempt
            call.request.headers["authorization"] = f"Bearer {provider.get()}"
        apply_client_defaults(self._http, call.request)
        try:
            response = self._http.send(call.request, stream=call.stream)
            if response.status_code == 401 and provider is not None and provider.renew():
                # A workload-identity token the API refused (revoked early): once with a new one.
                response.close()
                call.request.headers["authorization"] = f"Bearer {provider.get()}"
                response = self._http.send(call.request, stream=call.stream)
            if self._failed(call, response):  # the error's body is read before it is raised
                try:
                    response.read()
                finally:
                    response.close()
        except httpx.TransportError as exc:
            raise map_transport_error(exc, call.request) from exc
        return _received(call, response)


def _received(call: Call, response: httpx.Response) -> httpx.Response:
    """The response of an attempt, or the typed error of its failed status."""
    if response.status_code >= 400:
        raise status_error(response)
    if not call.stream:
        _unbind(response)
    return response


def _unbind(response: httpx.Response) -> None:
    """Break httpx's reference cycle of a response read to the end (its ``stream`` holds it).

    httpx reads a non-streamed body at once and keeps it in ``content``; its stream object points
    back to the response, so the response, its request and the connection's stream would wait for
    the garbage collector. Under load (hundreds of calls in flight) they pile up until a full
    collection: freed at once instead, a process holds far less memory at its peak.
    """
    if response.is_closed and isinstance(response.stream, (httpx.SyncByteStream, httpx.AsyncByteStream)):
        response.stream = _READ


#: What a response read to the end streams: nothing more (its body is ``content``).
_READ = httpx.ByteStream(b"")


class AsyncClient(BaseClient, AsyncGenericRequests, AsyncResources, AsyncClosing):
    """An asyncio client for the OpenAI API and every OpenAI-compatible server.

    The twin of ``Client``: the same options in the same order, ``await`` on every call, and
    ``aclose()`` / ``async with``. One instance serves any number of concurrent tasks.

    :param api_key: the API key (default ``OPENAI_API_KEY``), or a function (a coroutine function
        too) returning it, called before every attempt; ``NO_API_KEY`` for a server that needs
        none. It never appears in reprs, logs or errors.
    :param base_url: like ``Client``'s (default ``OPENAI_BASE_URL``).
    :param organization: like ``Client``'s (default ``OPENAI_ORG_ID``).
    :param project: like ``Client``'s (default ``OPENAI_PROJECT_ID``).
    :param http_client: your own ``httpx.AsyncClient`` (proxies, limits, HTTP/2); gptkit never
        closes it. Not with ``transport=``.
    :param transport: an httpx async transport for the client gptkit builds: a cassette, a
        ``gptkit.testing.FakeOpenAI``, an ``httpx.MockTransport``.
    :param workload_identity: like ``Client``'s (the exchange is awaited).
    """

    _is_async = True
    _http: httpx.AsyncClient

    @shows_options
    def __init__(
        self,
        *,
        api_key: str | NoAPIKey | AsyncAPIKeyProvider | None = None,
        base_url: str | httpx.URL | None = None,
        organization: str | None = None,
        project: str | None = None,
        http_client: httpx.AsyncClient | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        workload_identity: WorkloadIdentity | X509WorkloadIdentity | None = None,
        **options: Unpack[ClientOptions],
    ) -> None:
        self._start(options, http_client, transport, api_key=api_key, base_url=base_url,
                    organization=organization, project=project, workload_identity=workload_identity)

    def _new_http(
        self, transport: httpx.AsyncBaseTransport | None, timeout: httpx.Timeout
    ) -> httpx.AsyncClient:
        if transport is None:
            # perf: our pool (gptkit/_core/_pool.py) unless the caller brought a transport.
            from gptkit._core._pool import AsyncPoolTransport  # imported by async clients only

            transport = AsyncPoolTransport(limits=DEFAULT_LIMITS)
        return httpx.AsyncClient(transport=transport, timeout=timeout, **_HTTP_DEFAULTS)

    # -- lifecycle --------------------------------------------------------------------------

    async def aclose(self) -> None:
        """Close the connection pool (not one passed in as ``http_client``, nor a copy's)."""
        await self._cost.aclose()  # budget settlements still in flight
        if self._owns_http:
            await self._http.aclose()

    async def close(self) -> None:
        """Alias of ``aclose()`` (the official ``AsyncOpenAI``'s name)."""
        await self.aclose()


    # -- the I/O loop -----------------------------------------------------------------------

    async def _execute(self, call: Call) -> Any:
        trace = self._observe(call)  # events, DEBUG line and stats of the call
        try:
            await self._cost.areserve(call)  # refuses before anything is sent
            result = await self._run(call)
        except BaseException as exc:
            trace.fail(exc)
            await self._cost.afail(call, exc)
            raise
        await self._cost.asettle(call)  # the async budget settles off the loop's critical path
        return result

    async def _run(self, call: Call) -> Any:
        if call.stream and not call.endpoint.binary:  # a binary stream is a body read as it comes
            from gptkit._streams._open import aopen_stream, stream_result  # loaded by the first stream

            try:
                stream = await self._attempts(call, lambda: aopen_stream(self, call))
            except APIStatusError as exc:  # a server that refuses stream_options: once without it
                if not drop_stream_options(call, exc, self._config.base_url):
                    raise
                stream = await self._attempts(call, lambda: aopen_stream(self, call))
            return stream_result(call, stream)
        return self._finish(call, await self._attempts(call, lambda: self._send(call)))

    async def _attempts(self, call: Call, attempt: Callable[[], Awaitable[T]]) -> T:
        if self._retry.max_attempts == 1:
            return await attempt()
        start = self._clock().monotonic()
        try:
            return await attempt()
        except Exception as exc:
            error = exc
        async for try_ in Attempts(self._retry, self._clock(), error, start=start, method=call.request.method,
                                   path=call.endpoint.path, on_retry=self._retry_hook(call)):
            with try_:
                result = await attempt()
        return result

    async def _send(self, call: Call) -> httpx.Response:
        if self._limiter is None or call.model is None:
            return await self._transmit(call)
        permit = call.rate_permit = await self._limiter.aacquire_for(call, self._rate_limit_identity())
        self._emit_rate_limit_wait(call, permit.wait)  # a no-op when it did not wait
        try:
            response = await self._transmit(call)
        except BaseException as exc:
            await permit.afailed(exc)
            raise
        await permit.aobserve(response.headers, done=not call.stream)
        return response

    async def _transmit(self, call: Call) -> httpx.Response:
        provider = self._config.api_key_provider
        if provider is not None:  # right before each send: a rotated key is used by the next attempt
            call.request.headers["authorization"] = f"Bearer {await provider.aget()}"
        apply_client_defaults(self._http, call.request)
        try:
            response = await self._http.send(call.request, stream=call.stream)
            if response.status_code == 401 and provider is not None and provider.renew():
                await response.aclose()  # a refused workload-identity token: once with a new one
                call.request.headers["authorization"] = f"Bearer {await provider.aget()}"
                response = await self._http.send(call.request, stream=call.stream)
            if self._failed(call, response):
                try:
                    await response.aread()
                finally:
                    await response.aclose()
        except httpx.TransportError as exc:
            raise map_transport_error(exc, call.request) from exc
        return _received(call, response)
