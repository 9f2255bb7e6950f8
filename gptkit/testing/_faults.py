"""Faults the fake server can inject, and the rules that decide which request gets one."""

from __future__ import annotations

import random
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

__all__ = ["FAULT_KINDS", "FakeRequest", "Fault", "FaultRule", "fault_from"]

#: Every fault kind, with what the client sees.
FAULT_KINDS = {
    "rate_limit": "429 rate_limit_exceeded (with retry-after and x-ratelimit-reset-* unless headers=False)",
    "quota": "429 insufficient_quota",
    "server_error": "a 500, 502 or 503 (status=)",
    "reset": "the connection is dropped: before the response, or after `after_chunks` stream events",
    "slow_headers": "the response starts after `seconds`",
    "stall": "the body stops for `seconds` after `after_chunks` events (a read timeout, if shorter)",
    "truncate": "the body ends early: a stream without [DONE], or a body shorter than its length",
    "malformed_json": "a 200 whose body (or one stream event) is not valid JSON",
    "error_event": "a stream sends an error event after `after_chunks` events and ends",
}


@dataclass(frozen=True)
class Fault:
    """One fault to inject; build it with the class methods (``Fault.reset()``, ...)."""

    kind: str
    status: int | None = None
    seconds: float = 0.0
    after_chunks: int | None = None
    retry_after: float = 1.0
    headers: bool = True

    def __post_init__(self) -> None:
        if self.kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault {self.kind!r}; one of: {', '.join(FAULT_KINDS)}")
        if self.kind == "server_error" and self.status not in (None, 500, 502, 503, 504):
            raise ValueError("server_error status must be 500, 502, 503 or 504")

    @classmethod
    def rate_limit(cls, retry_after: float = 1.0, *, headers: bool = True) -> Fault:
        """429 ``rate_limit_exceeded``; ``headers=False`` leaves out every retry hint."""
        return cls("rate_limit", retry_after=retry_after, headers=headers)

    @classmethod
    def quota(cls) -> Fault:
        """429 ``insufficient_quota`` (billing: no retry can help)."""
        return cls("quota")

    @classmethod
    def server_error(cls, status: int = 500) -> Fault:
        """A 5xx answer (502 comes as an HTML page, as from a proxy)."""
        return cls("server_error", status=status)

    @classmethod
    def reset(cls, after_chunks: int | None = None) -> Fault:
        """Drop the connection before answering, or after ``after_chunks`` stream events."""
        return cls("reset", after_chunks=after_chunks)

    @classmethod
    def slow_headers(cls, seconds: float) -> Fault:
        """Wait ``seconds`` before sending the status line."""
        return cls("slow_headers", seconds=seconds)

    @classmethod
    def stall(cls, seconds: float = 30.0, *, after_chunks: int = 1) -> Fault:
        """Stop sending for ``seconds`` after ``after_chunks`` events (then carry on)."""
        return cls("stall", seconds=seconds, after_chunks=after_chunks)

    @classmethod
    def truncate(cls, after_chunks: int = 1) -> Fault:
        """End the body early (a stream after ``after_chunks`` events, with no ``[DONE]``)."""
        return cls("truncate", after_chunks=after_chunks)

    @classmethod
    def malformed_json(cls, after_chunks: int = 1) -> Fault:
        """Send a body (or, in a stream, the event after ``after_chunks``) that is not JSON."""
        return cls("malformed_json", after_chunks=after_chunks)

    @classmethod
    def error_event(cls, after_chunks: int = 1) -> Fault:
        """In a stream, send ``data: {"error": ...}`` after ``after_chunks`` events and stop."""
        return cls("error_event", after_chunks=after_chunks)


@dataclass(frozen=True)
class FakeRequest:
    """What the fake server saw: predicates given to ``inject``/``respond`` receive this."""

    method: str
    path: str
    headers: Mapping[str, str]
    body: Any
    #: Which attempt of the same call this is (1 for the first; retries share an idempotency key).
    attempt: int
    #: The key attempts of one call share: the idempotency key, else a digest of the request.
    call_key: str
    #: The raw request body.
    content: bytes = b""
    #: The query string's parameters (the last value of each name).
    query: Mapping[str, str] = field(default_factory=dict)
    #: The Azure deployment the path named (``/openai/deployments/{name}/...``), else None.
    deployment: str | None = None

    @property
    def model(self) -> str | None:
        model = self.body.get("model") if isinstance(self.body, Mapping) else None
        return model if isinstance(model, str) else None

    @property
    def stream(self) -> bool:
        return isinstance(self.body, Mapping) and bool(self.body.get("stream"))


Predicate = Callable[[FakeRequest], bool]


@dataclass
class FaultRule:
    """When to inject a fault; returned by ``FakeOpenAI.inject`` (``fired`` counts hits).

    Every condition given must hold: ``path`` and ``when`` select requests, ``attempts=N``
    fails the first N attempts of each call, ``times=N`` fails the next N requests overall,
    ``rate=p`` fails each request with probability p (seeded). With none of them, every
    selected request fails.
    """

    fault: Fault
    times: int | None = None
    attempts: int | None = None
    rate: float | None = None
    when: Predicate | None = None
    path: str | None = None
    fired: int = 0
    _rng: random.Random = field(default_factory=random.Random, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def __post_init__(self) -> None:
        if self.rate is not None and not 0.0 <= self.rate <= 1.0:
            raise ValueError("rate must be between 0 and 1")
        for name in ("times", "attempts"):
            value = getattr(self, name)
            if value is not None and value < 0:
                raise ValueError(f"{name} must not be negative")

    def selects(self, request: FakeRequest) -> bool:
        """Whether this rule fires for ``request`` (and, if it does, counts it)."""
        if self.path is not None and request.path != self.path:
            return False
        if self.attempts is not None and request.attempt > self.attempts:
            return False
        if self.when is not None and not self.when(request):
            return False
        with self._lock:
            if self.times is not None and self.fired >= self.times:
                return False
            if self.rate is not None and self._rng.random() >= self.rate:
                return False
            self.fired += 1
        return True

    @property
    def exhausted(self) -> bool:
        return self.times is not None and self.fired >= self.times


def fault_from(fault: Fault | str, params: Mapping[str, Any]) -> Fault:
    """A ``Fault`` from an instance or a kind name plus its parameters."""
    if isinstance(fault, Fault):
        if params:
            raise TypeError("pass fault parameters either in Fault(...) or as keywords, not both")
        return fault
    return Fault(fault, **params)
