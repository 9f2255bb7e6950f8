"""Reading the server's rate-limit signals: ``x-ratelimit-*`` headers and 429 holds."""

from __future__ import annotations

from collections.abc import Mapping

from gptkit._exceptions import InsufficientQuotaError, RateLimitError
from gptkit._ratelimit._core import Observation
from gptkit._retry import parse_go_duration, server_wait

__all__ = ["DEFAULT_HOLD", "hold_seconds", "parse_observation"]

#: How long to hold after a 429 that names no reset time.
DEFAULT_HOLD = 1.0


def _number(value: str | None) -> float | None:
    if value is None:
        return None
    try:
        number = float(value.strip())
    except ValueError:
        return None
    return number if number >= 0 and number == number and number != float("inf") else None


def _duration(value: str | None) -> float | None:
    return None if value is None else parse_go_duration(value)


def parse_observation(headers: Mapping[str, str]) -> Observation | None:
    """The ``x-ratelimit-*`` headers of a response, or None when it sent none."""
    get = headers.get
    seen = Observation(
        limit_requests=_number(get("x-ratelimit-limit-requests")),
        limit_tokens=_number(get("x-ratelimit-limit-tokens")),
        remaining_requests=_number(get("x-ratelimit-remaining-requests")),
        remaining_tokens=_number(get("x-ratelimit-remaining-tokens")),
        reset_requests=_duration(get("x-ratelimit-reset-requests")),
        reset_tokens=_duration(get("x-ratelimit-reset-tokens")),
    )
    return None if seen == Observation() else seen


def hold_seconds(error: BaseException, wall_now: float) -> float | None:
    """How long every waiter must hold after ``error``: only for a 429 that is a rate limit
    (not a quota or billing error, nor a request too large ever to pass)."""
    if not isinstance(error, RateLimitError) or isinstance(error, InsufficientQuotaError):
        return None
    if "request too large" in error.message.lower():
        return None
    wait = server_wait(error, wall_now)
    return DEFAULT_HOLD if wait is None else wait
