"""Retry policy: what to retry and how long to wait.

The decisions are pure functions of the typed error, the attempt number and the clock. The loop
that applies them (a plain first attempt, tenacity from the second) is ``gptkit._core._attempts``.
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from gptkit._exceptions import (
    APIConnectionError,
    APIError,
    APIStatusError,
    ContextLengthExceededError,
    InsufficientQuotaError,
    StreamInterruptedError,
)

__all__ = [
    "RETRYABLE_STATUSES",
    "RetryEvent",
    "RetryPolicy",
    "parse_go_duration",
    "server_wait",
]

RETRYABLE_STATUSES = frozenset({408, 409, 429, 500, 502, 503, 504})
_GO_PART = re.compile(r"(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)")
_GO_UNITS = {"ns": 1e-9, "us": 1e-6, "µs": 1e-6, "ms": 1e-3, "s": 1.0, "m": 60.0, "h": 3600.0}


@dataclass(frozen=True)
class RetryEvent:
    """What the ``on_retry`` hook is told before each wait."""

    error: APIError
    attempt: int
    wait: float
    reason: str
    method: str
    path: str


@dataclass(frozen=True, kw_only=True)
class RetryPolicy:
    """How a client retries failed calls.

    Bounded twice: by ``max_attempts`` (the first try included) and by ``max_elapsed`` seconds
    since the first try. Waits use exponential backoff with equal jitter: with ``ceiling =
    min(max_backoff, initial_backoff * 2**(attempt-1))`` the wait is uniform between
    ``ceiling / 2`` and ``ceiling``, so a retry never fires sooner than half its backoff. When
    the server said how long to wait (``retry-after-ms``, ``retry-after``,
    ``x-ratelimit-reset-*``) that wait is honoured exactly, and one longer than
    ``max_retry_after`` raises at once with ``error.retry_after`` set.
    ``on_retry`` sees every retry; ``zero_waits`` turns every wait into 0 (for test suites).

    :param max_attempts: attempts in all, the first one included (at least 1).
    :param max_elapsed: seconds since the first attempt after which no retry starts; None for
        no deadline.
    :param initial_backoff: the backoff ceiling before the second attempt, in seconds; it
        doubles for each attempt after that.
    :param max_backoff: the most the backoff ceiling grows to, in seconds.
    :param max_retry_after: the longest server-directed wait honoured, in seconds; a longer one
        raises at once, with ``error.retry_after`` set.
    :param retry_statuses: the HTTP statuses that are retried (408, 409, 429, 500, 502, 503,
        504 by default; quota errors and ``x-should-retry: false`` never are).
    :param on_retry: called with a ``RetryEvent`` (attempt, wait, reason, error) before each
        retry's wait.
    :param idempotency_keys: send one ``Idempotency-Key`` per logical call, the same on its
        retries, so a server that honours it never runs a call twice.
    :param zero_waits: make every wait 0 seconds (test suites).
    """

    max_attempts: int = 3
    max_elapsed: float | None = 300.0
    initial_backoff: float = 0.5
    max_backoff: float = 8.0
    max_retry_after: float = 60.0
    retry_statuses: frozenset[int] = RETRYABLE_STATUSES
    on_retry: Callable[[RetryEvent], None] | None = None
    idempotency_keys: bool = True
    zero_waits: bool = False
    _random: Callable[[float, float], float] = field(default=random.uniform, repr=False)

    def __post_init__(self) -> None:
        if self.max_attempts < 1:
            raise ValueError("max_attempts must be at least 1")
        if self.initial_backoff < 0 or self.max_backoff < self.initial_backoff:
            raise ValueError("need 0 <= initial_backoff <= max_backoff")
        if self.max_elapsed is not None and self.max_elapsed <= 0:
            raise ValueError("max_elapsed must be positive or None")

    @classmethod
    def from_max_retries(cls, max_retries: int) -> RetryPolicy:
        """The policy behind ``Client(max_retries=N)``: ``max_retries`` retries after the first attempt."""
        return cls(max_attempts=max_retries + 1)

    def retry_reason(self, error: BaseException) -> str | None:
        """Why ``error`` is worth retrying, or None when it must not be retried."""
        if isinstance(error, StreamInterruptedError):
            return None  # events already reached the caller; re-sending would duplicate them
        if isinstance(error, APIConnectionError):
            return type(error).__name__
        if not isinstance(error, APIStatusError):
            return None
        verdict = error.response.headers.get("x-should-retry")
        if verdict == "true":
            return f"{error.status_code} (x-should-retry)"
        if verdict == "false":
            return None
        if isinstance(error, (InsufficientQuotaError, ContextLengthExceededError)):
            return None
        if error.status_code == 429 and "request too large" in error.message.lower():
            return None
        if error.status_code in self.retry_statuses:
            return f"{error.status_code}" + (f" {error.code}" if error.code else "")
        return None

    def wait_for(self, error: APIError, attempt: int, now: float) -> tuple[float, bool]:
        """Seconds to wait after failed ``attempt`` (1 for the first), and whether the server chose them.

        ``error`` is the attempt's error (its response's ``retry-after`` headers count); ``now``
        is the wall time (``time.time()``), to read a ``retry-after`` given as an HTTP date.
        """
        directed = server_wait(error, now) if isinstance(error, APIStatusError) else None
        if directed is not None:
            return directed, True
        ceiling = min(self.max_backoff, self.initial_backoff * 2 ** (attempt - 1))
        # Equal jitter: half the backoff is fixed, so no retry after a 500 fires almost at once
        # (full jitter's uniform [0, ceiling] does one time in ten within a tenth of it); the
        # random half still spreads clients that failed together.
        return self._random(ceiling / 2.0, ceiling), False


def parse_go_duration(text: str) -> float | None:
    """Seconds in a Go duration such as ``1s``, ``6m0s``, ``20ms`` or ``1.5s``; None if not one."""
    text = text.strip()
    if not text:
        return None
    pos, total = 0, 0.0
    for match in _GO_PART.finditer(text):
        if match.start() != pos:
            return None
        total += float(match.group(1)) * _GO_UNITS[match.group(2)]
        pos = match.end()
    if pos != len(text):
        try:
            seconds = float(text)  # some servers send bare seconds
        except ValueError:
            return None
        return seconds if _usable(seconds) else None
    return total


def _usable(seconds: float) -> bool:
    # A wait of "nan" or "inf" would hang or crash a sleep: such a header is no header.
    return math.isfinite(seconds) and seconds >= 0


def server_wait(error: APIStatusError, now: float) -> float | None:
    """The wait the server asked for, in seconds (``now`` is wall time for HTTP dates)."""
    headers = error.response.headers
    value = headers.get("retry-after-ms")
    if value is not None:
        try:
            millis = float(value)
            if math.isfinite(millis):
                return max(millis / 1000.0, 0.0)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if value is not None:
        try:
            seconds = float(value)
            if math.isfinite(seconds):
                return max(seconds, 0.0)
        except ValueError:
            import email.utils  # only for HTTP-date retry-after values (rare)

            try:
                parsed = email.utils.parsedate_to_datetime(value) if value.strip() else None
            except (TypeError, ValueError):
                parsed = None  # neither seconds nor an HTTP date: ignore it
            if parsed is not None:
                return max(parsed.timestamp() - now, 0.0)
    if error.status_code == 429:
        resets = [
            parse_go_duration(v)
            for v in (headers.get("x-ratelimit-reset-requests"), headers.get("x-ratelimit-reset-tokens"))
            if v
        ]
        known = [r for r in resets if r is not None]
        if known:
            return max(known)
    return None
