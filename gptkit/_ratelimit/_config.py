"""``RateLimit``: the limits a client (or a shared ``RateLimiter``) keeps to, per model."""

from __future__ import annotations

import fnmatch
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gptkit._ratelimit._redis import RedisBackend

__all__ = ["Limits", "RateLimit"]


@dataclass(frozen=True)
class Limits:
    """The resolved limits of one scope (a model, or a pattern that several models share)."""

    scope: str
    rpm: float | None
    tpm: float | None


def _check_limit(name: str, value: float | None) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"{name} must be a positive number or None, not {value!r}")
    if not math.isfinite(value) or value <= 0:
        raise ValueError(f"{name} must be a positive number or None, not {value!r}")


@dataclass(frozen=True, kw_only=True)
class RateLimit:
    """Client-side rate limits: requests and tokens per minute, and concurrent requests.

    ``rpm`` and ``tpm`` apply to each model separately (as the API's own limits do);
    ``per_model`` overrides them for some models. A ``per_model`` key may be a model name or an
    ``fnmatch`` pattern such as ``"gpt-4o*"``: every model matching a pattern shares that
    pattern's limits. Values are ``RateLimit(rpm=..., tpm=...)`` or ``{"rpm": ..., "tpm": ...}``.

    ``window`` is the span, in seconds, over which a burst may be spent: the limiter holds at
    most ``limit * window / 60`` of each unit (60 = the API's full minute; lower it for servers
    that quantize limits, e.g. per second). ``jitter`` seconds of network and scheduling delay
    are absorbed by keeping that much of the burst unused. ``max_concurrency`` caps requests in
    flight in this process. ``adaptive`` lets the server's ``x-ratelimit-*`` headers lower the
    limits and a 429 hold every waiter until the server's reset; ``max_hold`` (seconds, default
    300) bounds that: a waiter that a 429 would hold longer (a daily limit resetting in hours)
    fails at once with a ``RateLimitError`` carrying the server's reset time (``retry_after``).
    ``backend`` shares the limits across processes (``gptkit.RedisBackend``); the default
    keeps them in memory.

    Clients given the same ``RateLimit`` object share one limiter (in each process).

    A request is charged its prompt estimate plus its maximum output tokens (x ``n``), as the
    API charges it on arrival. Usage above that is charged extra after the response; usage
    below it is *not* refunded unless ``refund=True``: the API keeps its up-front charge, so a
    refund would let the client run ahead of the server into 429s. Set ``refund=True`` only
    for a server that counts the real usage against its limit.
    """

    rpm: float | None = None
    tpm: float | None = None
    max_concurrency: int | None = None
    per_model: Mapping[str, RateLimit | Mapping[str, float | None]] = field(default_factory=dict)
    window: float = 60.0
    jitter: float = 0.25
    adaptive: bool = True
    refund: bool = False
    max_hold: float = 300.0
    backend: RedisBackend | None = None

    def __post_init__(self) -> None:
        _check_limit("rpm", self.rpm)
        _check_limit("tpm", self.tpm)
        if self.max_concurrency is not None and (
            isinstance(self.max_concurrency, bool) or not isinstance(self.max_concurrency, int)
            or self.max_concurrency < 1
        ):
            raise ValueError(f"max_concurrency must be a positive int or None, not {self.max_concurrency!r}")
        if not (isinstance(self.window, (int, float)) and 0 < self.window <= 3600):
            raise ValueError(f"window must be in (0, 3600] seconds, not {self.window!r}")
        if not (isinstance(self.jitter, (int, float)) and 0 <= self.jitter < self.window):
            raise ValueError(f"jitter must be in [0, window) seconds, not {self.jitter!r}")
        if isinstance(self.max_hold, bool) or not isinstance(self.max_hold, (int, float)) or not (
            self.max_hold > 0 and self.max_hold == self.max_hold
        ):
            raise ValueError(f"max_hold must be a positive number of seconds, not {self.max_hold!r}")
        if not isinstance(self.refund, bool):
            raise ValueError(f"refund must be True or False, not {self.refund!r}")
        resolved: dict[str, tuple[float | None, float | None]] = {}
        for name, value in self.per_model.items():
            if isinstance(value, RateLimit):
                if value.per_model or value.backend is not None or value.max_concurrency is not None:
                    raise ValueError(f"per_model[{name!r}] may set only rpm and tpm")
                resolved[name] = (value.rpm, value.tpm)
            elif isinstance(value, Mapping):
                unknown = set(value) - {"rpm", "tpm"}
                if unknown:
                    raise ValueError(f"per_model[{name!r}] has unknown keys: {', '.join(sorted(unknown))}")
                rpm, tpm = value.get("rpm"), value.get("tpm")
                _check_limit(f"per_model[{name!r}].rpm", rpm)
                _check_limit(f"per_model[{name!r}].tpm", tpm)
                resolved[name] = (rpm, tpm)
            else:
                raise TypeError(f"per_model[{name!r}] must be a RateLimit or a mapping, not {value!r}")
        object.__setattr__(self, "_resolved", resolved)

    def __getstate__(self) -> dict[str, Any]:
        # The limiter kept for this object (``_limiter.as_limiter``) belongs to this process.
        return {k: v for k, v in self.__dict__.items() if k != "_limiter"}

    def limits_for(self, model: str) -> Limits:
        """The scope and limits that apply to ``model`` (exact names win over patterns)."""
        resolved: dict[str, tuple[float | None, float | None]] = self.__dict__["_resolved"]
        exact = resolved.get(model)
        if exact is not None:
            return Limits(model, *exact)
        for pattern, limits in resolved.items():
            if fnmatch.fnmatchcase(model, pattern):
                return Limits(pattern, *limits)
        return Limits(model, self.rpm, self.tpm)

    def describe(self) -> dict[str, Any]:
        """The configuration as plain data (for ``stats()`` and logs)."""
        return {"rpm": self.rpm, "tpm": self.tpm, "max_concurrency": self.max_concurrency,
                "window": self.window, "refund": self.refund, "max_hold": self.max_hold,
                "per_model": dict(self.__dict__["_resolved"])}
