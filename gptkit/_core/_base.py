"""The shared client core: what one call is (``Endpoint``, ``Call``) and the pure steps of it.

``BaseClient`` holds a client's setup (config, retry policy, cost, observer, limiter), makes
copies with changed options, prepares a ``Call`` (body, headers, request: validated and built
before any I/O) and finishes it (typed result, usage, cost). The sync and async clients in
``_client`` only send, sleep, lock and settle.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import httpx

from gptkit import _clock as _clocks
from gptkit._core._config import ClientConfig, Secret, coerce_timeout
from gptkit._core._options import ClientOptions, as_limiter, check_setup, resolve_client_config
from gptkit._core._params import NOT_GIVEN, Omit, ParamValidator, clean_params
from gptkit._core._protocol import (
    APIResponse,
    build_multipart_request,
    build_request,
    form_fields,
    parse_response,
)
from gptkit._core._surface import OfficialSurface
from gptkit._core._usage import asks_stream_usage, ensure_usage
from gptkit._cost import BudgetBackend, CostState, Ledger
from gptkit._cost._providers import price_provider_for
from gptkit._exceptions import InvalidParameterError
from gptkit._observe._listeners import Observable, Observer
from gptkit._observe._trace import CallTrace
from gptkit._retry import RetryPolicy

if TYPE_CHECKING:  # the type tree is imported by the resources, on first use, not by `import gptkit`
    from gptkit._cost._meter import Meter
    from gptkit._cost._state import Hold
    from gptkit._ratelimit import RateLimiter, RateLimitPermit
    from gptkit.types._base import APIObject
    from gptkit.types._union import EventUnion

#: ``APIResponse`` (the raw view of a call, ``gptkit._core._protocol``) is also importable from here.
__all__ = ["APIResponse", "BaseClient", "Call", "Endpoint"]

_OPTION_KEYS = ("extra_headers", "extra_query", "extra_body", "timeout", "tags")


@dataclass(frozen=True)
class Endpoint:
    """What gptkit knows about one API operation."""

    method: str
    path: str
    response: type[APIObject]
    validator: ParamValidator | None = None
    #: The type of a stream's events: a model, or an ``EventUnion`` of several told apart by type;
    #: or ``"module:Name"`` naming it, imported by the first stream (a plain call never needs it).
    chunk: type[APIObject] | EventUnion | str | None = None
    #: How its streams are read (a ``gptkit._streams._protocol.StreamProtocol``, or
    #: ``"module:NAME"`` naming one, imported by the first stream); None: chunks of ``chunk`` up to
    #: ``[DONE]``, as chat completions stream.
    stream_protocol: Any = None
    #: Whether the endpoint accepts ``stream_options`` (so gptkit may ask for usage).
    stream_usage: bool = False
    #: Whether the answer is raw bytes (file contents) rather than a JSON object. A binary call
    #: whose ``Call.stream`` is set gets its response before the body is read (audio as it comes).
    binary: bool = False
    #: Turns a successful response into the caller's result when that is not ``response``'s JSON
    #: (audio bytes, a transcript as text, the type a generic ``client.get`` names).
    parse: Callable[[httpx.Response], Any] | None = None
    #: How calls are billed when not by chat-style token usage (images, audio, moderations).
    meter: Meter | None = None
    #: False for reading back a stored object (``responses.retrieve``): its cost is shown, not
    #: recorded in the ledger or charged to the budget again (it was billed when created).
    records_usage: bool = True


@dataclass
class Call:
    """One logical call: everything the send loop and the finishing steps need."""

    endpoint: Endpoint
    request: httpx.Request
    body: dict[str, Any] | None
    stream: bool = False
    raw: bool = False
    model: str | None = None
    tags: Mapping[str, str] = field(default_factory=dict)
    #: True when gptkit added ``stream_options.include_usage`` itself (hide the usage chunk).
    usage_requested_by_us: bool = False
    #: The budget reservation held for this call (``gptkit._cost``), and whether it was accounted.
    hold: Hold | None = None
    accounted: bool = False
    #: What observability knows of the call so far (``gptkit._observe._trace``); set by ``_execute``.
    trace: CallTrace | None = None
    #: The rate limiter's permit for the current attempt (settled with the usage in ``_account``).
    rate_permit: RateLimitPermit | None = None


class BaseClient(OfficialSurface, Observable):
    """Configuration and the sans-IO steps shared by ``Client`` and ``AsyncClient``."""

    _config: ClientConfig
    _retry: RetryPolicy
    _tags: Mapping[str, str]
    #: Whose price list applies ("openai", "azure"), or None for an unknown server.
    _price_provider: str | None
    _cost: CostState
    _limiter: RateLimiter | None
    #: False for a copy, or when the caller passed ``http_client=``: ``close()`` leaves the pool.
    _owns_http: bool
    _http: Any  # httpx.Client or httpx.AsyncClient (the twin's)

    #: The twin's kind: ``AsyncClient`` sets it (its budget settles off the loop, its network
    #: is an async transport).
    _is_async = False

    def _start(self, options: ClientOptions, http_client: Any, transport: Any, **given: Any) -> None:
        """A new client: its config (checked), setup and HTTP client; ``given`` are the named
        constructor arguments (``api_key``, ``base_url``, ``organization``, ``project``)."""
        config, retry = resolve_client_config(type(self).__name__, options, http_client=http_client,
                                              transport=transport, is_async=self._is_async, **given)
        self._setup(config, retry, options, is_async=self._is_async)
        self._owns_http = http_client is None
        self._http = http_client or self._new_http(transport, config.http_timeout)
        provider = config.api_key_provider
        if provider is not None and provider.auth is not None:  # workload identity exchanges through it
            provider.auth._bind(self._http)

    def _new_http(self, transport: Any, timeout: httpx.Timeout) -> Any:
        """The twin's own HTTP client (gptkit's defaults, ``transport`` when given)."""
        raise NotImplementedError

    @property
    def is_closed(self) -> bool:
        """Whether the HTTP client is closed."""
        closed: bool = self._http.is_closed
        return closed

    def _setup(
        self, config: ClientConfig, retry: RetryPolicy, options: ClientOptions, *, is_async: bool
    ) -> None:
        """Everything a new client sets up besides its HTTP client (the same for both twins)."""
        tags, listeners = options.get("tags"), options.get("listeners")
        check_setup(tags, listeners)
        self._init_core(config, retry, tags)
        self._cost = CostState(base_url=config.base_url, budget=options.get("budget"),
                               prices=options.get("prices"), ledger=options.get("ledger"), is_async=is_async)
        self._cost.provider = self._price_provider
        self._observer = Observer(listeners, self._cost.ledger)  # shared by with_options copies
        self._limiter = as_limiter(options.get("rate_limit"))

    def _init_core(self, config: ClientConfig, retry: RetryPolicy, tags: Mapping[str, str] | None) -> None:
        self._config = config
        self._retry = retry  # the one home of max_retries (``max_attempts - 1``)
        self._tags = dict(tags or {})
        self._headers = {**config.headers(), **self._auth_headers()}
        self._encoded_headers = httpx.Headers(self._headers)
        # perf: parsed once per path; httpx.Request copies a URL object in 0.3 us, parses a str in 15.
        self._urls: dict[str, httpx.URL] = {}
        self._price_provider = self._detect_price_provider()

    # -- provider hooks (overridden by clients of providers that differ from OpenAI) --------

    def _auth_headers(self) -> Mapping[str, str]:
        """Credential headers every request carries on top of the config's (which hold Bearer)."""
        return {}

    def _rate_limit_identity(self) -> Secret | str | None:
        """Whose limits a call counts against (the limiter keys its lanes by a hash of it)."""
        provider = self._config.api_key_provider
        return provider.identity() if provider is not None else self._config.api_key

    def _url_for(self, endpoint: Endpoint, path: str, body: Mapping[str, Any] | None) -> str | httpx.URL:
        """The URL of one call; ``path`` is the endpoint's path with its parameters filled in."""
        return self._url(path)

    def _detect_price_provider(self) -> str | None:
        return price_provider_for(self._config.base_url)

    @property
    def max_retries(self) -> int:
        return self._retry.max_attempts - 1

    @property
    def retry_policy(self) -> RetryPolicy:
        return self._retry

    @property
    def timeout(self) -> float | httpx.Timeout | None:
        """The client's timeout as given (seconds, an ``httpx.Timeout``, or None for none), as
        the official client reports it; the default is ``httpx.Timeout(600, connect=5.0)``. A
        number is each attempt's read, write and pool timeout; connecting is capped at 5 s."""
        return self._config.timeout

    @property
    def ledger(self) -> Ledger:
        """Calls, tokens and dollars of this client and of the copies that share its ledger."""
        return self._cost.ledger

    @property
    def budget(self) -> BudgetBackend | None:
        """The ``Budget`` or ``RedisBudget`` this client draws on, or None."""
        return self._cost.budget

    def __repr__(self) -> str:
        key = "None" if self._config.api_key is None else "'**********'"
        return f"{type(self).__name__}(base_url={self._config.base_url!r}, api_key={key})"

    # -- preparing a call -------------------------------------------------------------------

    def _url(self, path: str) -> httpx.URL:
        url = self._urls.get(path)
        if url is None:
            url = self._urls[path] = httpx.URL(self._config.base_url + path)
        return url

    def _prepare(
        self,
        endpoint: Endpoint,
        params: Mapping[str, Any] | None,
        *,
        stream: bool = False,
        raw: bool = False,
        path: str | None = None,
        files: Mapping[str, Any] | Sequence[tuple[str, Any]] | None = None,
    ) -> Call:
        """Validate ``params`` and build the request; raises before any I/O on bad input.

        With ``files`` the request is ``multipart/form-data``: the validated parameters become
        form fields (strings) next to the file parts.
        """
        options: dict[str, Any] = {}
        body, usage_by_us = self._prepare_body(endpoint, params, options, stream)
        request = self._prepare_request(endpoint, body, self._prepare_headers(endpoint, options), options,
                                        path, files)
        tags = self._tags
        call_tags = options.get("tags")
        if call_tags:
            tags = {**tags, **call_tags}
        model = body.get("model") if body is not None else None
        return Call(endpoint=endpoint, request=request, body=body, stream=stream, raw=raw,
                    model=model if isinstance(model, str) else None, tags=tags,
                    usage_requested_by_us=usage_by_us)

    def _prepare_body(
        self, endpoint: Endpoint, params: Mapping[str, Any] | None, options: dict[str, Any], stream: bool
    ) -> tuple[dict[str, Any] | None, bool]:
        """The validated JSON body, and whether gptkit asked for a stream's usage itself; moves the
        per-call options (``extra_headers``, ``timeout``...) out of ``params`` into ``options``."""
        body: dict[str, Any] | None = None
        if params is not None:
            given = dict(params)
            for key in _OPTION_KEYS:
                if key in given:
                    options[key] = given.pop(key)
            if stream:
                given["stream"] = True
            if endpoint.validator is not None:
                body = endpoint.validator.validate(clean_params(given))
            elif given:
                name = next(iter(given))
                raise InvalidParameterError(
                    f"Invalid parameter for {endpoint.path}: '{name}' is not a parameter of this call",
                    param=name, errors=[(name, "is not a parameter of this call")],
                )
        usage_by_us = False
        if (stream and body is not None and endpoint.stream_usage and "stream_options" not in body
                and asks_stream_usage(self._config.base_url)):
            body["stream_options"] = {"include_usage": True}
            usage_by_us = True
        extra_body = options.get("extra_body")
        if extra_body:
            if body is None:
                body = {}
            body.update(extra_body)
            usage_by_us = usage_by_us and "stream_options" not in extra_body  # the caller's own
        return body, usage_by_us

    def _prepare_headers(self, endpoint: Endpoint, options: Mapping[str, Any]) -> Mapping[str, str]:
        """The client's headers, with an idempotency key and the call's ``extra_headers``."""
        # perf: without extra_headers, start from the client's headers already encoded by httpx
        # (re-encoding the dict costs ~10 us a call); the dict path keeps extra_headers' rules.
        headers: Mapping[str, str] = self._encoded_headers
        extra_headers = options.get("extra_headers")
        keyed = self._retry.idempotency_keys and endpoint.method == "POST"
        if extra_headers or keyed:
            headers = dict(self._headers) if extra_headers else self._encoded_headers.copy()
            if keyed:
                # 128 random bits; os.urandom is 4x faster than uuid4 and spares importing uuid.
                headers["idempotency-key"] = f"gptkit-retry-{os.urandom(16).hex()}"
            if extra_headers:
                for name, value in extra_headers.items():
                    if isinstance(value, Omit):  # the official way to drop a default header
                        headers.pop(name.lower(), None)
                    else:
                        headers[name.lower()] = value
        return headers

    def _prepare_request(
        self,
        endpoint: Endpoint,
        body: dict[str, Any] | None,
        headers: Mapping[str, str],
        options: Mapping[str, Any],
        path: str | None,
        files: Mapping[str, Any] | Sequence[tuple[str, Any]] | None,
    ) -> httpx.Request:
        """The ``httpx.Request``: URL, query, timeout, and a JSON or multipart body."""
        query = self._config.default_query
        extra_query = options.get("extra_query")
        if extra_query:
            query = {**query, **extra_query}
        timeout = options.get("timeout", NOT_GIVEN)
        try:  # a call's ``timeout=None`` means no timeout, as in the official SDK
            resolved_timeout = self._config.http_timeout if timeout is NOT_GIVEN else coerce_timeout(timeout)
        except TypeError as exc:
            raise InvalidParameterError(str(exc), param="timeout", errors=[("timeout", str(exc))]) from None
        url = self._url_for(endpoint, path or endpoint.path, body)
        if files is not None:
            return build_multipart_request(
                endpoint.method, url, headers=headers, timeout=resolved_timeout,
                data=form_fields(body or {}), files=files, params=query,
            )
        return build_request(endpoint.method, url, headers=headers, timeout=resolved_timeout, body=body,
                             params=query)

    def _observe(self, call: Call) -> CallTrace:
        """Start observing ``call`` (its events, DEBUG line and stats); sets ``call.trace``."""
        trace = call.trace = CallTrace(self._observer, call, self._price_provider)
        return trace

    # -- finishing a call -------------------------------------------------------------------

    @staticmethod
    def _failed(call: Call, response: httpx.Response) -> bool:
        """The response's headers arrived: tell observability, and whether the status failed (the
        shells then read the body and raise ``_errors.status_error``)."""
        if call.trace is not None:
            call.trace.response(response)  # headers arrived (gptkit._observe._trace)
        return response.status_code >= 400

    def _finish(self, call: Call, response: httpx.Response) -> Any:
        """Turn a successful response into the caller's result (its body is read, unless the
        call streams a binary body: then ``endpoint.parse`` gets it unread)."""
        endpoint = call.endpoint
        if endpoint.parse is not None:
            result = endpoint.parse(response)
        elif endpoint.binary:
            from gptkit.types.file import BinaryContent

            result = BinaryContent(response.content, request_id=response.headers.get("x-request-id"))
        else:
            result = parse_response(response, endpoint.response)
        if getattr(result, "usage", True) is None:  # the server sent none: estimate it
            ensure_usage(call.body, result)
        self._account(call, result)
        if call.raw:
            return APIResponse(response, result)
        return result

    def _account(self, call: Call, result: APIObject) -> None:
        """Record a finished call's usage: the one place cost, ledger and budget settle hook in.

        Called with the parsed response of a plain call, and with the accumulated final
        completion of a stream when it ends. Sets ``result.cost``; runs once per call.
        """
        if call.rate_permit is not None:
            call.rate_permit.settle_result(result)  # refund or extra-charge the token estimate
        self._cost.account(call, result)
        if call.trace is not None:
            call.trace.complete(result)  # after the cost: the completion event carries it

    @staticmethod
    def _clock() -> Any:
        return _clocks.current
