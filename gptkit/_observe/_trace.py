"""The client side of observability: per-call traces, the stats they update and the DEBUG line.

Every logical call gets a ``CallTrace`` (``call.trace``) when it starts. The I/O loops tell it
what happens (response headers, retries, limiter waits, a stream's first event, the end) and it
updates ``ClientStats``, writes one DEBUG line per call and, only when listeners were registered
when the call started, builds the typed events of ``gptkit._observe._events`` and hands them to
the listeners (``gptkit._observe._listeners``). With no listener a call costs two clock reads
and a few counter updates.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Protocol

from gptkit import _clock
from gptkit._observe._listeners import EventListener, Observer, emit
from gptkit._observe._stats import ClientStats

if TYPE_CHECKING:
    import httpx

    from gptkit._retry import RetryEvent

__all__ = ["CallTrace", "Observable", "TracedCall"]

logger = logging.getLogger("gptkit")


class _TracedEndpoint(Protocol):
    @property
    def path(self) -> str: ...


class TracedCall(Protocol):
    """What a trace reads of a call (``gptkit._core._base.Call`` is one); it sets ``trace``."""

    trace: CallTrace | None

    @property
    def endpoint(self) -> _TracedEndpoint: ...
    @property
    def request(self) -> httpx.Request: ...
    @property
    def body(self) -> Mapping[str, Any] | None: ...
    @property
    def model(self) -> str | None: ...
    @property
    def stream(self) -> bool: ...
    @property
    def tags(self) -> Mapping[str, str]: ...


_ids = itertools.count(1)
_EMPTY: Mapping[str, Any] = MappingProxyType({})
_OPERATIONS = {"/chat/completions": "chat", "/completions": "text_completion", "/embeddings": "embeddings"}
#: Scalar request parameters events may carry (never messages, prompts or inputs).
_PARAMS = ("temperature", "top_p", "max_tokens", "max_completion_tokens", "frequency_penalty",
           "presence_penalty", "seed", "n", "stop", "service_tier", "reasoning_effort", "dimensions",
           "encoding_format", "parallel_tool_calls")
_HEADERS = frozenset({b"x-request-id", b"openai-processing-ms"})
_HEADER_PREFIXES = (b"x-ratelimit-", b"retry-after")


class CallTrace:
    """What one logical call has done so far; ends once, as a success, failure or abandonment."""

    __slots__ = ("_call", "_closing", "_ended", "_first_chunk", "_headers_time", "_listeners", "_response",
                 "_stats", "_tags", "_wait", "attempt", "attempt_start", "call_id", "retries", "start")

    def __init__(self, observer: Observer, call: TracedCall, provider: str | None) -> None:
        self.start: float = _clock.current.monotonic()
        self.attempt_start: float = self.start
        self._call: TracedCall | None = call  # None once the call ended
        self._stats = observer.stats
        self._listeners = observer.listeners  # those registered now see the whole call
        self.call_id: int = next(_ids)
        self.attempt: int = 1
        self.retries: int = 0
        self._wait = 0.0
        self._response: httpx.Response | None = None
        self._headers_time: float | None = None
        self._first_chunk: float | None = None
        self._ended = False
        self._closing = False
        self._tags: Mapping[str, str] = _EMPTY
        self._stats.on_start()
        if self._listeners:
            self._tags = MappingProxyType(call.tags) if call.tags else _EMPTY
            self._emit_start(provider)

    # -- building events ----------------------------------------------------------------------

    def _common(self, now: float) -> dict[str, Any]:
        call = self._call
        assert call is not None  # events are built before the call ends and lets go of it
        return {"call_id": self.call_id, "method": call.request.method, "path": call.endpoint.path,
                "model": call.model, "tags": self._tags, "attempt": self.attempt,
                "elapsed": now - self.start}

    def _emit_start(self, provider: str | None) -> None:
        call = self._call
        assert call is not None
        url = call.request.url
        body = call.body or {}
        params = {key: body[key] for key in _PARAMS if key in body}
        response_format = body.get("response_format")
        if isinstance(response_format, dict) and "type" in response_format:
            params["response_format"] = response_format["type"]
        from gptkit._observe._events import RequestStart  # the event classes load with the first listener

        emit(self._listeners, RequestStart(
            **self._common(self.start), operation=_OPERATIONS.get(call.endpoint.path), stream=call.stream,
            provider=provider, server_address=url.host,
            server_port=url.port or (443 if url.scheme == "https" else 80),
            params=MappingProxyType(params),
        ))

    # -- what the I/O loops report ------------------------------------------------------------

    def response(self, response: httpx.Response) -> None:
        """An attempt's headers arrived (any status)."""
        self._response = response
        if response.status_code == 429:
            self._stats.on_429()
        if self._listeners:  # only events carry the time to headers: no clock read otherwise
            now = _clock.current.monotonic()
            self._headers_time = now - self.attempt_start
            from gptkit._observe._events import ResponseHeaders

            headers = {}
            for name, value in response.headers.raw:  # raw bytes: much cheaper than Headers.items()
                name = name.lower()
                if name in _HEADERS or name.startswith(_HEADER_PREFIXES):
                    headers[name.decode("latin-1")] = value.decode("latin-1")
            emit(self._listeners, ResponseHeaders(
                **self._common(now), status=response.status_code, request_id=headers.get("x-request-id"),
                headers=MappingProxyType(headers), time_to_headers=self._headers_time,
            ))

    def retried(self, event: RetryEvent) -> None:
        """The retry policy will retry after ``event.wait`` seconds (its ``before_sleep``)."""
        now = _clock.current.monotonic()
        self.retries += 1
        self._stats.on_retry()
        error = event.error
        if self._listeners:
            from gptkit._observe._events import RequestRetry

            emit(self._listeners, RequestRetry(
                **self._common(now), error_type=type(error).__name__, error_message=error.message,
                status=getattr(error, "status_code", None), request_id=error.request_id,
                reason=event.reason, wait=event.wait,
            ))
        self.attempt = event.attempt + 1
        self.attempt_start = now + event.wait

    def rate_limit_wait(self, seconds: float) -> None:
        """The limiter held the coming attempt back for ``seconds`` (called after the wait)."""
        now = _clock.current.monotonic()
        self._wait += seconds
        self.attempt_start = now
        self._stats.on_wait(seconds)
        if self._listeners:
            from gptkit._observe._events import RateLimitWait

            emit(self._listeners, RateLimitWait(**self._common(now), wait=seconds))

    def first_chunk(self) -> None:
        """A stream's first event arrived (later calls are ignored)."""
        if self._first_chunk is not None or self._ended:
            return
        now = _clock.current.monotonic()
        self._first_chunk = now - self.start
        if self._listeners:
            from gptkit._observe._events import FirstChunk

            emit(self._listeners, FirstChunk(**self._common(now), time_to_first_chunk=self._first_chunk))

    def closing_early(self) -> None:
        """The caller closed the stream before its end: the coming ``complete`` is an abandonment."""
        self._closing = True

    # -- the end ------------------------------------------------------------------------------

    def _describe(self) -> str:
        """The call as the DEBUG line names it: method, path and model."""
        call = self._call
        assert call is not None  # the line is written before the call lets go of it
        return f"{call.request.method} {call.endpoint.path} model={call.model}"

    def _release(self) -> None:
        # The call has ended: let go of it and of its response. ``Call.trace`` points back here,
        # so keeping them would make a reference cycle that only the garbage collector frees:
        # under load, finished calls' bodies and responses pile up until a full collection.
        self._call = None
        self._response = None

    def complete(self, result: Any) -> None:
        """The call succeeded with ``result`` (after its cost was accounted), or its stream was
        closed early and ``result`` is the partial answer (billed, so still accounted)."""
        if self._ended:
            return
        self._ended = True
        try:
            now = _clock.current.monotonic()
            duration = now - self.start
            if self._closing:
                self._stats.on_close()
            else:
                self._stats.on_success(duration)
            if not self._listeners and not logger.isEnabledFor(logging.DEBUG):
                return
            # Reading ``cost`` goes through pydantic's private attributes (microseconds): only when asked.
            cost = getattr(result, "cost", None)
            total = getattr(cost, "total", None)
            usage = getattr(result, "usage", None)
            if self._listeners:
                self._emit_end(now, duration, result, usage, cost)
            if logger.isEnabledFor(logging.DEBUG):
                response = self._response
                logger.debug(
                    "%s -> %s in %.3fs%s (attempts %d, request id %s, tokens %s/%s, cost %s)",
                    self._describe(), response.status_code if response is not None else None, duration,
                    ", stream closed early" if self._closing else "", self.attempt,
                    _request_id(response), *_token_counts(usage), total,
                )
        finally:
            self._release()

    def _emit_end(self, now: float, duration: float, result: Any, usage: Any, cost: Any) -> None:
        response = self._response
        choices = getattr(result, "choices", None)
        reasons = tuple(str(c.finish_reason) for c in choices or () if getattr(c, "finish_reason", None))
        # A completion's or a Responses API response's own id (other objects' ids are not replies).
        is_reply = choices is not None or getattr(result, "object", None) == "response"
        response_id = getattr(result, "id", None) if is_reply else None
        response_model = getattr(result, "model", None)
        input_tokens, output_tokens = _token_counts(usage)
        from gptkit._observe._events import RequestEnd

        emit(self._listeners, RequestEnd(
            **self._common(now), status=response.status_code if response is not None else None,
            request_id=_request_id(response),
            response_id=response_id if isinstance(response_id, str) else None,
            response_model=response_model if isinstance(response_model, str) else None,
            finish_reasons=reasons, usage=usage,
            input_tokens=input_tokens,
            output_tokens=output_tokens,
            cost=cost if getattr(cost, "total", None) is not None else None,
            duration=duration, time_to_headers=self._headers_time,
            time_to_first_chunk=self._first_chunk, rate_limit_wait=self._wait, retries=self.retries,
            abandoned=self._closing,
        ))

    def abandon(self) -> None:
        """A stream was closed: ends the call (no usage, no cost) unless it already ended."""
        if self._ended:
            return
        self._ended = True
        try:
            now = _clock.current.monotonic()
            self._stats.on_close()
            if self._listeners:
                from gptkit._observe._events import RequestEnd

                response = self._response
                emit(self._listeners, RequestEnd(
                    **self._common(now), status=response.status_code if response is not None else None,
                    request_id=_request_id(response), response_id=None, response_model=None,
                    finish_reasons=(), usage=None, input_tokens=None, output_tokens=None, cost=None,
                    duration=now - self.start, time_to_headers=self._headers_time,
                    time_to_first_chunk=self._first_chunk, rate_limit_wait=self._wait,
                    retries=self.retries, abandoned=True,
                ))
            if logger.isEnabledFor(logging.DEBUG):
                logger.debug("%s: stream closed before its end after %.3fs", self._describe(),
                             now - self.start)
        finally:
            self._release()

    def fail(self, exc: BaseException) -> None:
        """The call raised ``exc`` (after any retries); a no-op once the call ended."""
        if self._ended:
            return
        self._ended = True
        try:
            now = _clock.current.monotonic()
            error_type = type(exc).__name__
            self._stats.on_failure(error_type)
            status = getattr(exc, "status_code", None)
            status = status if isinstance(status, int) else None
            request_id = getattr(exc, "request_id", None)
            request_id = request_id if isinstance(request_id, str) else None
            duration = now - self.start
            if self._listeners:
                code = getattr(exc, "code", None)
                message = getattr(exc, "message", None)
                from gptkit._observe._events import RequestError

                emit(self._listeners, RequestError(
                    **self._common(now), error_type=error_type,
                    error_message=message if isinstance(message, str) else str(exc),
                    error_code=code if isinstance(code, str) else None, status=status,
                    request_id=request_id, duration=duration, time_to_headers=self._headers_time,
                    rate_limit_wait=self._wait, retries=self.retries,
                ))
            if logger.isEnabledFor(logging.DEBUG):
                logger.debug("%s failed in %.3fs: %s (status %s, attempts %d, request id %s)",
                             self._describe(), duration, error_type, status, self.attempt, request_id)
        finally:
            self._release()


def _request_id(response: httpx.Response | None) -> str | None:
    return response.headers.get("x-request-id") if response is not None else None


def _int_or_none(value: object) -> int | None:
    return value if isinstance(value, int) else None


def _token_counts(usage: Any) -> tuple[int | None, int | None]:
    """(input, output) tokens of a usage in chat's names or the Responses API's (None: absent)."""
    if usage is None:
        return None, None
    prompt = _int_or_none(getattr(usage, "prompt_tokens", None))
    if prompt is None:
        return (_int_or_none(getattr(usage, "input_tokens", None)),
                _int_or_none(getattr(usage, "output_tokens", None)))
    return prompt, _int_or_none(getattr(usage, "completion_tokens", None))


class Observable:
    """What clients get from this module: listener registration, ``stats`` and the call sites."""

    _observer: Observer
    _price_provider: str | None

    def add_listener(self, listener: EventListener) -> None:
        """Register ``listener`` (a callable taking one event) for calls started from now on.

        Shared with every ``with_options`` copy of this client. See ``gptkit.Listener``.
        """
        self._observer.add(listener)

    def remove_listener(self, listener: EventListener) -> None:
        """Unregister ``listener``; calls already started still report to it."""
        self._observer.remove(listener)

    @property
    def listeners(self) -> tuple[EventListener, ...]:
        """The registered listeners, in the order they are called."""
        return self._observer.listeners

    @property
    def stats(self) -> ClientStats:
        """Live counters of this client and its copies: calls in flight, errors, latency, cost..."""
        return self._observer.stats

    # -- call sites of the I/O loops ----------------------------------------------------------

    def _observe(self, call: TracedCall) -> CallTrace:
        """Start observing ``call`` (its ``RequestStart``); sets ``call.trace``."""
        trace = CallTrace(self._observer, call, self._price_provider)
        call.trace = trace
        return trace

    @staticmethod
    def _retry_hook(call: TracedCall) -> Callable[[RetryEvent], None] | None:
        """What ``Attempts(on_retry=...)`` tells about each retry of ``call``."""
        trace: CallTrace | None = call.trace
        return trace.retried if trace is not None else None

    @staticmethod
    def _emit_rate_limit_wait(call: TracedCall, seconds: float) -> None:
        """The rate limiter held ``call``'s next attempt back for ``seconds`` (call after the wait)."""
        trace: CallTrace | None = call.trace
        if trace is not None and seconds > 0:
            trace.rate_limit_wait(seconds)
