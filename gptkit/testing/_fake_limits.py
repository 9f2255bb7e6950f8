"""The fake server's rate limiter: requests and tokens per minute, the way the API counts them.

Each model has two buckets that refill continuously at ``limit / 60`` units a second and hold
at most ``limit * window / 60`` (the default 60 s window: a full minute's allowance, refilled in
a minute; ``window=1`` scales the minute down to a second, exactly as
``gptkit.RateLimit(window=...)`` does). A request costs one request and its prompt estimate plus
maximum output tokens; when either bucket cannot pay, the request gets a 429 and pays nothing.

Like the API, every answer carries ``x-ratelimit-limit/remaining/reset-requests`` and
``-tokens``. A limit the fake was not given is reported but never enforced, as a generous one
(OpenAI's highest published tier, ``GENEROUS_RPM`` / ``GENEROUS_TPM``, over the API's own
minute whatever ``window`` is): code that reads the headers works against any fake, and a
client-side limiter that follows them is not slowed down by limits nobody asked for.

Like the API, the charge is made when the request arrives and kept: nothing is refunded when
the response uses fewer tokens than ``max_tokens`` allowed (the API's remaining-tokens count
drops by the up-front charge, not by the usage). A client that refunds on its side runs ahead
of this server, as it would of the real one.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

__all__ = ["DEFAULT_WINDOW", "GENEROUS_RPM", "GENEROUS_TPM", "Admission", "LimitBuckets", "check_window",
           "go_duration"]

#: The API's window: a minute's allowance may be spent at once.
DEFAULT_WINDOW = 60.0
#: The limits reported, not enforced, when none is given (OpenAI's tier 5 for gpt-4o-mini).
GENEROUS_RPM = 30_000
GENEROUS_TPM = 150_000_000


def check_window(window: float) -> float:
    """``window`` as a float, or ValueError unless it is in (0, 3600] seconds."""
    if isinstance(window, bool) or not isinstance(window, (int, float)) or not 0 < window <= 3600:
        raise ValueError(f"window must be in (0, 3600] seconds, not {window!r}")
    return float(window)


def go_duration(seconds: float) -> str:
    """Seconds as the API writes them in ``x-ratelimit-reset-*``: ``120ms``, ``1.5s``, ``6m0s``."""
    if seconds <= 0:
        return "0s"
    if seconds < 1.0:
        return f"{max(1, math.ceil(seconds * 1000))}ms"
    if seconds < 60.0:
        text = f"{math.ceil(seconds * 1000) / 1000:.3f}".rstrip("0").rstrip(".")
        return f"{text}s"
    minutes, rest = divmod(math.ceil(seconds), 60)
    return f"{minutes}m{rest}s"


class _Bucket:
    def __init__(self, limit: int, window: float, now: float) -> None:
        self.limit = limit
        # Per-minute limits stay per minute (they refill at limit/60 a second, whatever the
        # window); only how much may be spent at once scales with the window.
        self.capacity = float(limit) if window == DEFAULT_WINDOW else limit * window / DEFAULT_WINDOW
        self.level = self.capacity
        self.updated = now

    def refill(self, now: float) -> None:
        if now > self.updated:
            self.level = min(self.capacity, self.level + (now - self.updated) * self.limit / DEFAULT_WINDOW)
        self.updated = max(self.updated, now)

    def wait_for(self, amount: float) -> float:
        return max(0.0, (amount - self.level) * DEFAULT_WINDOW / self.limit)

    def until_full(self) -> float:
        return (self.capacity - self.level) * DEFAULT_WINDOW / self.limit


@dataclass(frozen=True)
class Admission:
    """The limiter's verdict: admitted or not, why not, and the headers to send either way."""

    admitted: bool
    headers: list[tuple[str, str]]
    reason: str | None = None
    message: str | None = None
    wait: float = 0.0
    too_large: bool = False


class LimitBuckets:
    """RPM/TPM buckets per model (not thread-safe: the fake server calls it under its lock).

    ``window`` is the span in seconds over which a burst may be spent (see the module doc).
    """

    def __init__(self, rpm: int | None, tpm: int | None, window: float = DEFAULT_WINDOW) -> None:
        for name, value in (("rpm", rpm), ("tpm", tpm)):
            if value is not None and value <= 0:
                raise ValueError(f"{name} must be positive")
        self.rpm = rpm
        self.tpm = tpm
        self.window: float = check_window(window)
        self._buckets: dict[tuple[str, str], _Bucket] = {}

    @property
    def enabled(self) -> bool:
        """Whether any limit is enforced (headers are sent either way)."""
        return self.rpm is not None or self.tpm is not None

    def _bucket(self, model: str, kind: str, limit: int | None, generous: int, now: float) -> _Bucket:
        bucket = self._buckets.get((model, kind))
        if bucket is None:
            bucket = self._buckets[(model, kind)] = (
                _Bucket(limit, self.window, now) if limit is not None
                else _Bucket(generous, DEFAULT_WINDOW, now))
        bucket.refill(now)
        return bucket

    def admit(self, model: str, tokens: int, now: float) -> Admission:
        """Charge one request of ``tokens`` tokens to ``model``'s buckets, if both can pay.

        A bucket for a limit not given is charged (its headers count down like the API's) but
        never refuses.
        """
        requests_shown = self._bucket(model, "requests", self.rpm, GENEROUS_RPM, now)
        tokens_shown = self._bucket(model, "tokens", self.tpm, GENEROUS_TPM, now)
        verdict = self._admit(model, tokens, requests_shown if self.rpm is not None else None,
                              tokens_shown if self.tpm is not None else None)
        if verdict is not None:
            return Admission(verdict.admitted, self._headers(requests_shown, tokens_shown), verdict.reason,
                             verdict.message, verdict.wait, verdict.too_large)
        requests_shown.level -= 1.0
        tokens_shown.level -= tokens
        return Admission(True, self._headers(requests_shown, tokens_shown))

    def _admit(self, model: str, tokens: int, requests: _Bucket | None,
               token_bucket: _Bucket | None) -> Admission | None:
        """The refusal when an enforced bucket cannot pay, else None (headers filled in by admit)."""
        if token_bucket is not None and tokens > token_bucket.capacity:
            scaled = "" if self.window == DEFAULT_WINDOW else (
                f" ({token_bucket.capacity:g} per {self.window:g}s window)")
            message = (f"Request too large for {model} on tokens per min (TPM): "
                       f"Limit {token_bucket.limit}{scaled}, Requested {tokens}. The input or output tokens "
                       "must be reduced in order to run successfully.")
            return Admission(False, [], "tokens", message, too_large=True)
        short = None
        wait = 0.0
        if requests is not None and requests.level < 1.0:
            short, wait = "requests", requests.wait_for(1.0)
        if token_bucket is not None and token_bucket.level < tokens:
            token_wait = token_bucket.wait_for(tokens)
            if short is None or token_wait > wait:
                short, wait = "tokens", token_wait
        if short is not None:
            bucket = requests if short == "requests" else token_bucket
            assert bucket is not None
            unit = "requests per min (RPM)" if short == "requests" else "tokens per min (TPM)"
            asked = 1 if short == "requests" else tokens
            message = (f"Rate limit reached for {model} on {unit}: Limit {bucket.limit}, "
                       f"Used {int(bucket.capacity) - int(bucket.level)}, Requested {asked}. "
                       f"Please try again in {go_duration(wait)}.")
            return Admission(False, [], short, message, wait)
        return None

    @staticmethod
    def _headers(requests: _Bucket, tokens: _Bucket) -> list[tuple[str, str]]:
        headers: list[tuple[str, str]] = []
        for name, bucket in (("requests", requests), ("tokens", tokens)):
            headers += [
                (f"x-ratelimit-limit-{name}", str(bucket.limit)),
                (f"x-ratelimit-remaining-{name}", str(max(0, math.floor(bucket.level)))),
                (f"x-ratelimit-reset-{name}", go_duration(bucket.until_full())),
            ]
        return headers
