"""``RateLimitPermit``: one admitted attempt, and what it reports back to the limiter."""

from __future__ import annotations

import logging
from collections.abc import Generator
from dataclasses import replace
from typing import TYPE_CHECKING, Any

import httpx

from gptkit._clock import get_clock
from gptkit._ratelimit._config import Limits
from gptkit._ratelimit._core import Observation, settlement
from gptkit._ratelimit._headers import hold_seconds, parse_observation
from gptkit._ratelimit._memory import LaneKey
from gptkit._ratelimit._steps import HOLD, OBSERVE, Step, adrive, drive

if TYPE_CHECKING:
    from collections.abc import Mapping

    from gptkit._ratelimit._limiter import RateLimiter

__all__ = ["RateLimitPermit", "usage_tokens"]

logger = logging.getLogger("gptkit")

_NOTHING_SEEN = Observation()


class RateLimitPermit:
    """One admitted attempt: report what the server said and the real usage through it.

    ``wait`` is the seconds this request waited. ``observe`` / ``aobserve`` fold the response's
    ``x-ratelimit-*`` headers in; ``failed`` / ``afailed`` do the same for an error (and hold
    every waiter after a 429); ``settle(tokens)`` corrects the token charge with the real usage
    and frees the concurrency slot; ``release()`` frees the slot alone. All are idempotent
    where it matters: the slot is freed once, the charge corrected once.
    """

    def __init__(
        self, limiter: RateLimiter, key: LaneKey, limits: Limits, model: str, tokens: int, wait: float
    ) -> None:
        self._limiter = limiter
        self._key = key
        self._limits = limits
        self.model = model
        self.tokens = tokens
        self.wait = wait
        self._slot = limiter._slots is not None
        self._admitted_at = get_clock().monotonic()
        self._settled = False

    def __repr__(self) -> str:
        return f"<RateLimitPermit {self.model} tokens={self.tokens} wait={self.wait:.3f}s>"

    def _age(self) -> float:
        return get_clock().monotonic() - self._admitted_at

    def release(self) -> None:
        """Free the concurrency slot (a stream closed, an attempt failed)."""
        if self._slot:
            self._slot = False
            slots = self._limiter._slots
            assert slots is not None
            slots.release()

    def settle(self, used_tokens: int | None) -> None:
        """Correct the token charge with the real usage (None: keep the estimate); free the slot.

        Usage above the charge is charged extra; usage below it is refunded only with
        ``RateLimit(refund=True)`` (the API keeps its up-front charge: docs/rate-limits.md shows why)."""
        if not self._settled:
            self._settled = True
            if self.tokens:
                amount = settlement(self.tokens, used_tokens, self._limiter.limit.refund)
                if amount:
                    self._limiter._backend.give_back(self._key, self._limits, 0, amount)
        self.release()

    def settle_result(self, result: object) -> None:
        """``settle`` with the ``usage`` of a parsed response (or final stream completion)."""
        self.settle(usage_tokens(result))

    # -- reports: the steps written once, run blocking or awaited ------------------------------

    def _report(self, seen: Observation | None, hold: float | None, done: bool) -> Generator[Step, Any, None]:
        try:
            # Reported even without headers: any answer (or failure) ends the wait for a
            # burst's first answer (``_core.catch_up``).
            yield (OBSERVE, self._key, self._limits, seen or _NOTHING_SEEN, self._age())
            if hold is not None:
                yield (HOLD, self._key, self._limits, hold)
        finally:
            if done:
                self.release()

    def observe(self, headers: Mapping[str, str], *, done: bool = True) -> None:
        """Fold in a response's headers; ``done`` frees the slot (False while a stream runs)."""
        drive(self._limiter._backend, self._report(parse_observation(headers), None, done))

    async def aobserve(self, headers: Mapping[str, str], *, done: bool = True) -> None:
        await adrive(self._limiter._backend, self._report(parse_observation(headers), None, done))

    def failed(self, error: BaseException) -> None:
        """The attempt failed: fold in the error response's headers, hold after a 429."""
        drive(self._limiter._backend, self._failure(error))

    async def afailed(self, error: BaseException) -> None:
        await adrive(self._limiter._backend, self._failure(error))

    def _failure(self, error: BaseException) -> Generator[Step, Any, None]:
        try:
            seconds = self._hold_for(error)
            seen = self._error_observation(error, seconds)
        except BaseException:
            self.release()
            raise
        return self._report(seen, seconds, True)

    def _hold_for(self, error: BaseException) -> float | None:
        limiter = self._limiter
        seconds = hold_seconds(error, get_clock().wall()) if limiter.limit.adaptive else None
        if seconds is not None:
            response = getattr(error, "response", None)
            with limiter._lock:
                limiter._counts["holds"] += 1
                if isinstance(response, httpx.Response):
                    limiter._last_429[self._key] = response
            logger.info("rate limit: the server answered 429 for %s; holding every waiter %.3fs",
                        self.model, seconds)
        return seconds

    def _error_observation(self, error: BaseException, seconds: float | None) -> Observation | None:
        response = getattr(error, "response", None)
        seen = parse_observation(response.headers) if isinstance(response, httpx.Response) else None
        if seen is not None and seconds is not None:
            # A 429's "0 remaining" and its reset time say the same thing; the hold covers it
            # (counting both would hold for the reset and then again for a full bucket).
            seen = replace(seen, remaining_requests=None, remaining_tokens=None)
        return seen


def usage_tokens(result: object) -> int | None:
    """Tokens the server counted for a response, from its ``usage`` (None when absent)."""
    usage = getattr(result, "usage", None)
    if usage is None:
        return None
    total = getattr(usage, "total_tokens", None)
    if isinstance(total, int):
        return total
    parts = [getattr(usage, name, None) for name in ("prompt_tokens", "completion_tokens")]
    known = [p for p in parts if isinstance(p, int)]
    return sum(known) if known else None
