"""The client side of observability: per-call traces, the counters they update, the DEBUG line.

Every logical call gets a ``CallTrace`` (``call.trace``) when it starts. The I/O loops tell it
what happens (response headers, retries, limiter waits, a stream's first event, the end) and it
updates the client's ``Counters`` (read as ``client.stats``, ``gptkit._observe._stats``), writes
one DEBUG line per call and, only when listeners were registered when the call started, builds
the typed events of ``gptkit._observe._events`` and hands them to the listeners. With no
listener a call costs two clock reads and a few counter updates, all in this module.
"""

from __future__ import annotations

import itertools
import logging
import math
import threading
from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Protocol

from gptkit import _clock
from gptkit._observe._listeners import emit

if TYPE_CHECKING:
    import httpx

    from gptkit._observe._listeners import Observer
    from gptkit._retry import RetryEvent

__all__ = ["CallTrace", "Counters", "LatencyHistogram", "TracedCall"]

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
_HEADERS = frozenset({b"x-request-id", b"openai-processing-ms"})
_HEADER_PREFIXES = (b"x-ratelimit-", b"retry-after")


class LatencyHistogram:
    """Durations in geometric buckets: 8 per doubling from 1 ms to about 5 hours.

    Memory is fixed (~180 counters) whatever the number of calls; a percentile is the geometric
    middle of its bucket, so within ``2**(1/16) - 1`` (~4.4%) of the truth.
    """

    _LOW = 1e-3
    _PER_DOUBLING = 8
    _BUCKETS = 8 * 24 + 2  # [0, 1ms), then 8 per doubling up to 2**24 ms, then overflow

    __slots__ = ("_counts", "count")

    def __init__(self) -> None:
        self._counts = [0] * self._BUCKETS
        self.count = 0

    def add(self, seconds: float) -> None:
        if seconds < self._LOW:
            index = 0
        else:
            index = min(int(math.log2(seconds / self._LOW) * self._PER_DOUBLING) + 1, self._BUCKETS - 1)
        self._counts[index] += 1
        self.count += 1

    def _bucket_value(self, index: int) -> float:
        if index == 0:
            return self._LOW / 2
        low = self._LOW * 2 ** ((index - 1) / self._PER_DOUBLING)
        return low * 2 ** (0.5 / self._PER_DOUBLING)

    def percentile(self, fraction: float) -> float | None:
        """The ``fraction`` quantile (0.5 for the median), or None before any duration."""
        if self.count == 0:
            return None
        rank = max(1, math.ceil(fraction * self.count))
        seen = 0
        for index, count in enumerate(self._counts):
            seen += count
            if seen >= rank:
                return self._bucket_value(index)
        return self._bucket_value(self._BUCKETS - 1)  # pragma: no cover - counts always add up

    def copy(self) -> LatencyHistogram:
        clone = LatencyHistogram()
        clone._counts = list(self._counts)
        clone.count = self.count
        return clone


class Counters:
    """The live counters of a client and of its ``with_options`` copies, as the traces of their
    calls update them: a few integer operations under one lock (``ClientStats`` reads them)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._zero()
        self._in_flight = 0

    def _zero(self) -> None:
        self._started = 0
        self._succeeded = 0
        self._failed = 0
        self._errors: dict[str, int] = {}
        self._retries = 0
        self._429s = 0
        self._waits = 0
        self._wait_total = 0.0
        self._latency = LatencyHistogram()

    def on_start(self) -> None:
        with self._lock:
            self._started += 1
            self._in_flight += 1

    def on_success(self, duration: float) -> None:
        with self._lock:
            self._in_flight -= 1
            self._succeeded += 1
            self._latency.add(duration)

    def on_close(self) -> None:
        """A stream was abandoned: no longer in flight, but neither a success nor an error."""
        with self._lock:
            self._in_flight -= 1

    def on_failure(self, error_type: str) -> None:
        with self._lock:
            self._in_flight -= 1
            self._failed += 1
            self._errors[error_type] = self._errors.get(error_type, 0) + 1

    def on_retry(self) -> None:
        with self._lock:
            self._retries += 1

    def on_429(self) -> None:
        with self._lock:
            self._429s += 1

    def on_wait(self, seconds: float) -> None:
        with self._lock:
            self._waits += 1
            self._wait_total += seconds


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
        # The event classes load with the first listener.
        from gptkit._observe._events import RequestStart, start_fields

        emit(self._listeners, RequestStart(**self._common(self.start), **start_fields(self._call, provider)))

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
                from gptkit._observe._events import token_counts

                response = self._response
                logger.debug(
                    "%s -> %s in %.3fs%s (attempts %d, request id %s, tokens %s/%s, cost %s)",
                    self._describe(), response.status_code if response is not None else None, duration,
                    ", stream closed early" if self._closing else "", self.attempt,
                    _request_id(response), *token_counts(usage), total,
                )
        finally:
            self._release()

    def _emit_end(self, now: float, duration: float, result: Any, usage: Any, cost: Any) -> None:
        from gptkit._observe._events import RequestEnd, result_fields

        response = self._response
        emit(self._listeners, RequestEnd(
            **self._common(now), status=response.status_code if response is not None else None,
            request_id=_request_id(response), **result_fields(result, usage),
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
