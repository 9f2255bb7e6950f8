"""``RateLimiter``: the admission steps around the bucket arithmetic, run by a sync or async shell.

A request's admission is written once, as a generator of steps (``_admission``): take a
concurrency slot, queue (first-in first-out) for the lane's turnstile, reserve the cost (the
backend answers how long to sleep), sleep, sleep again only if a 429 hold pushed the queue back
meanwhile, and pass the turnstile on. ``drive`` performs each step blocking, ``adrive`` awaits
it: the only difference between ``acquire`` and ``aacquire``. No polling: every sleep is
computed. Only the head of a lane holds a reservation while it sleeps, so a refund or a hold
that arrives meanwhile reaches every request queued behind it (a queue reserved all at once
would keep the slots computed from estimates that were since refunded).

A 429 hold longer than ``RateLimit.max_hold`` is not waited out: the waiter fails at once with
a ``RateLimitError`` carrying the server's reset time (a daily limit must not park every call
for hours).
"""

from __future__ import annotations

import hashlib
import logging
import math
import os
import threading
from collections.abc import Generator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

import httpx

from gptkit._clock import get_clock
from gptkit._exceptions import RateLimitError, RateLimitExceededError
from gptkit._ratelimit._config import Limits, RateLimit
from gptkit._ratelimit._core import Grant, NeverFits, Observation, Shape
from gptkit._ratelimit._memory import LaneKey, MemoryBackend
from gptkit._ratelimit._permit import RateLimitPermit
from gptkit._ratelimit._slots import Slots
from gptkit._ratelimit._steps import OBSERVE, RESERVE, SHIFT, SLEEP, SLOT, Backend, Step, adrive, drive
from gptkit._tokens import estimate_prompt_tokens, max_output_tokens

if TYPE_CHECKING:
    from collections.abc import Mapping

    from gptkit._core._config import Secret

__all__ = [
    "LimitedCall", "RateLimitStats", "RateLimiter", "api_key_namespace", "as_limiter", "request_tokens",
]

logger = logging.getLogger("gptkit")

#: The shortest sleep of a waiter pushed back again (a pause grows by the time slept).
_RESLEEP = 0.01


class _LimitedEndpoint(Protocol):
    @property
    def path(self) -> str: ...


class LimitedCall(Protocol):
    """What the limiter reads of one call (``gptkit._core._base.Call`` is one)."""

    @property
    def model(self) -> str | None: ...
    @property
    def body(self) -> Mapping[str, Any] | None: ...
    @property
    def endpoint(self) -> _LimitedEndpoint: ...
    @property
    def request(self) -> httpx.Request: ...


def api_key_namespace(api_key: Secret | str | None) -> str:
    """A short one-way hash of the API key: lanes (and Redis keys) are per key, never naming it."""
    raw = "" if api_key is None else api_key if isinstance(api_key, str) else api_key.reveal()
    return hashlib.sha256(b"gptkit-ratelimit\x00" + raw.encode("utf-8")).hexdigest()[:16]


def request_tokens(body: Mapping[str, Any] | None, path: str | None = None) -> int:
    """A request's token cost the way the server counts it: prompt estimate + max output (x n)."""
    if not body:
        return 0
    return estimate_prompt_tokens(body, path) + max_output_tokens(body, path=path)


@dataclass(frozen=True)
class RateLimitStats:
    """What a ``RateLimiter`` has done so far, and its current estimates.

    ``scopes`` maps each model (or ``per_model`` pattern) to the limits in force (``rpm``,
    ``tpm``: lowered by the server's headers when it announced less), what could start right
    now (``requests_available``, ``tokens_available``; negative while requests are queued)
    and ``hold_remaining`` seconds of a 429 hold. With the Redis backend they are the values
    last seen by this process. ``local_fallback`` is True while Redis is unreachable and the
    limiter keeps to its local share (``RedisBackend(on_outage="local")``).
    """

    requests: int
    waited: int
    total_wait: float
    max_wait: float
    last_wait: float
    in_flight: int
    holds: int
    rejected: int
    scopes: dict[str, dict[str, float | None]] = field(default_factory=dict)
    local_fallback: bool = False


#: Stands for the request in a ``RateLimitError`` raised before any request was built
#: (``RateLimiter.acquire`` called directly): nothing was sent anywhere.
_NO_REQUEST = "https://rate-limit.gptkit.invalid/"


class RateLimiter:
    """Keeps calls within a ``RateLimit``; share one between clients, threads and tasks.

    ``Client(rate_limit=limit)`` uses the limiter of that ``RateLimit`` object (every client
    given the same object shares it); a ``RateLimiter`` may be passed instead, to share it
    explicitly (``Client(rate_limit=limiter)`` and ``AsyncClient(rate_limit=limiter)`` may use
    the same one). Waiting requests are served first-in first-out.

    :param limit: the limits to keep (``RateLimiter(RateLimit(rpm=500))``).
    :param options: or the ``RateLimit`` options themselves (``RateLimiter(rpm=500)``), not both.
    """

    def __init__(self, limit: RateLimit | None = None, /, **options: Any) -> None:
        if limit is None:
            limit = RateLimit(**options)
        elif options:
            raise TypeError("pass a RateLimit or keyword options, not both")
        self.limit = limit
        self._shape = Shape(limit.window, limit.jitter, limit.adaptive)
        self._backend: Backend = (
            limit.backend._bind(self._shape) if limit.backend is not None else MemoryBackend(self._shape)
        )
        self._slots = Slots(limit.max_concurrency) if limit.max_concurrency is not None else None
        self._lock = threading.Lock()
        #: One per lane: only the first waiter of a lane holds a reservation while it sleeps;
        #: the rest queue here in order, so refunds and holds that happen meanwhile reach them.
        self._turnstiles: dict[LaneKey, Slots] = {}
        #: The last 429 this process received per lane: its body goes into max_hold refusals.
        self._last_429: dict[LaneKey, httpx.Response] = {}
        self._counts = {"requests": 0, "waited": 0, "holds": 0, "rejected": 0}
        self._waits = {"total": 0.0, "max": 0.0, "last": 0.0}

    def __repr__(self) -> str:
        backend = type(self._backend).__name__
        return f"RateLimiter(rpm={self.limit.rpm}, tpm={self.limit.tpm}, backend={backend})"

    # -- admission: the steps, written once ---------------------------------------------------

    def acquire(self, model: str, *, tokens: int = 0, namespace: str = "default") -> RateLimitPermit:
        """Wait until one request of ``tokens`` tokens to ``model`` may start (blocking).

        ``namespace`` separates whose limits they are: requests in different namespaces never
        share a bucket (a client uses a hash of its API key).
        """
        return drive(self._backend, self._admission(model, tokens, namespace, None, reports=False))

    async def aacquire(self, model: str, *, tokens: int = 0, namespace: str = "default") -> RateLimitPermit:
        """Wait until one request of ``tokens`` tokens to ``model`` may start (async).

        ``namespace`` separates whose limits they are: requests in different namespaces never
        share a bucket (a client uses a hash of its API key).
        """
        return await adrive(self._backend, self._admission(model, tokens, namespace, None, reports=False))

    def _admission(
        self, model: str, tokens: int, namespace: str, request: httpx.Request | None, *, reports: bool = True
    ) -> Generator[Step, Any, RateLimitPermit]:
        limits = self.limit.limits_for(model)
        key = (namespace, limits.scope)
        clock = get_clock()
        started = clock.monotonic()
        if self._slots is not None:
            yield (SLOT, self._slots)
        turnstile = self._turnstile(key)
        reserved = False
        try:
            yield (SLOT, turnstile)
            try:
                try:
                    grant: Grant = yield (RESERVE, key, limits, tokens)
                except NeverFits as exc:
                    raise self._never_fits(exc, model) from None
                reserved = True
                self._check_hold(grant.hold, key, model, request)
                wait, shift = grant.wait, grant.shift
                if wait > 0:
                    self._log_wait(limits, model, tokens, wait)
                while wait > 0:
                    yield (SLEEP, wait)
                    latest: float = yield (SHIFT, key)
                    # Pushed back by a 429 hold, or by a burst not answered yet (which grows by
                    # the time slept: at least _RESLEEP, so the head of the lane never spins).
                    wait, shift = latest - shift, latest
                    if wait > 0:
                        wait = max(wait, _RESLEEP)
                    self._check_hold(wait, key, model, request)  # a 429 arrived while we slept
            finally:
                turnstile.release()
            if not reports and isinstance(self._backend, MemoryBackend):
                # Whoever called ``acquire`` sends now and may never report an answer: that
                # counts as the answer a burst on an idle lane waits for (``_core.catch_up``;
                # only the in-process backend tracks bursts).
                yield (OBSERVE, key, limits, Observation(), 0.0)
        except BaseException:
            self._abandon(key, limits, tokens, reserved)
            raise
        return self._granted(key, limits, model, tokens, clock.monotonic() - started)

    def _turnstile(self, key: LaneKey) -> Slots:
        with self._lock:
            turnstile = self._turnstiles.get(key)
            if turnstile is None:
                turnstile = self._turnstiles[key] = Slots(1)
            return turnstile

    def _never_fits(self, exc: NeverFits, model: str) -> RateLimitExceededError:
        with self._lock:
            self._counts["rejected"] += 1
        return RateLimitExceededError(
            f"A request to {model} needs about {exc.tokens} tokens, more than the "
            f"tokens-per-minute limit lets through at once ({exc.capacity:.0f} over a "
            f"{self.limit.window:g}s window): it can never be sent under this limit. "
            "Lower max_tokens or split the prompt."
        )

    def _check_hold(self, seconds: float, key: LaneKey, model: str, request: httpx.Request | None) -> None:
        """Refuse a wait that a 429 hold makes longer than ``max_hold``."""
        max_hold = self.limit.max_hold
        if seconds <= max_hold:
            return
        with self._lock:
            self._counts["rejected"] += 1
            last = self._last_429.get(key)
        reset = math.ceil(seconds)
        message = (f"Rate limit for {model}: the server's limit resets in {reset}s, longer than "
                   f"max_hold ({max_hold:g}s), so the request was not sent (a 429 asked every "
                   "request to wait). Retry after the reset, or raise RateLimit(max_hold=...).")
        body: Any = {"error": {"message": message, "type": "requests", "code": "rate_limit_exceeded"}}
        headers = {"retry-after": str(reset)}
        if last is not None:  # the server's own words, with its reset time now
            headers = {**{k: v for k, v in last.headers.items() if k.startswith("x-")}, **headers}
        response = httpx.Response(429, headers=headers, json=body,
                                  request=request or httpx.Request("POST", _NO_REQUEST))
        error = RateLimitError(message, response=response, body=body)
        error.retry_after = float(reset)
        raise error

    def _abandon(self, key: LaneKey, limits: Limits, tokens: int, reserved: bool) -> None:
        """A waiter was cancelled or failed: give its reservation back and free its slot."""
        if reserved:
            self._backend.give_back(key, limits, 1, tokens)
        if self._slots is not None:
            self._slots.release()

    def _log_wait(self, limits: Limits, model: str, tokens: int, wait: float) -> None:
        logger.info(
            "rate limit: waiting %.3fs before a request to %s (%d tokens; rpm=%s, tpm=%s)",
            wait, model, tokens, limits.rpm, limits.tpm,
        )

    def _granted(
        self, key: LaneKey, limits: Limits, model: str, tokens: int, waited: float
    ) -> RateLimitPermit:
        with self._lock:
            self._counts["requests"] += 1
            if waited > 0:
                self._counts["waited"] += 1
            self._waits["total"] += waited
            self._waits["max"] = max(self._waits["max"], waited)
            self._waits["last"] = waited
        return RateLimitPermit(self, key, limits, model, tokens, waited)

    # -- the client seam ----------------------------------------------------------------------

    @staticmethod
    def _call_args(call: LimitedCall, api_key: Secret | str | None) -> tuple[str, int, str]:
        # The client limits only calls that name a model (limits are per model).
        assert call.model is not None, "the rate limiter counts a call against its model"
        # Tokens are counted even with no configured tpm: the server's headers may supply one.
        return call.model, request_tokens(call.body, call.endpoint.path), api_key_namespace(api_key)

    def acquire_for(self, call: LimitedCall, api_key: Secret | str | None) -> RateLimitPermit:
        """The client's hook: acquire for one attempt of ``call``; ``api_key`` is whose limits
        it counts against (hashed into the lane's namespace)."""
        model, tokens, namespace = self._call_args(call, api_key)
        return drive(self._backend, self._admission(model, tokens, namespace, call.request))

    async def aacquire_for(self, call: LimitedCall, api_key: Secret | str | None) -> RateLimitPermit:
        model, tokens, namespace = self._call_args(call, api_key)
        return await adrive(self._backend, self._admission(model, tokens, namespace, call.request))

    # -- observability ------------------------------------------------------------------------

    def stats(self) -> RateLimitStats:
        """Counters since creation and the current per-scope estimates."""
        with self._lock:
            counts, waits = dict(self._counts), dict(self._waits)
        return RateLimitStats(
            requests=counts["requests"], waited=counts["waited"], total_wait=waits["total"],
            max_wait=waits["max"], last_wait=waits["last"],
            in_flight=self._slots.in_use if self._slots is not None else 0,
            holds=counts["holds"], rejected=counts["rejected"], scopes=self._backend.estimates(),
            local_fallback=bool(getattr(self._backend, "degraded", False)),
        )


_shared_lock = threading.Lock()


def _limiter_of(limit: RateLimit) -> RateLimiter:
    """The one limiter of this ``RateLimit`` object in this process.

    Several clients given the same ``RateLimit`` share its limits, as the spelling suggests
    (two private limiters would each allow the whole rate: double it together). The limiter
    is kept on the object, tagged with the process id: a forked child makes its own, since
    a copy of the parent's would count the parent's calls it will never see.
    """
    pid = os.getpid()
    with _shared_lock:
        entry: tuple[int, RateLimiter] | None = limit.__dict__.get("_limiter")
        if entry is None or entry[0] != pid:
            entry = (pid, RateLimiter(limit))
            object.__setattr__(limit, "_limiter", entry)  # a frozen dataclass: set it directly
        return entry[1]


def as_limiter(rate_limit: RateLimit | RateLimiter | None) -> RateLimiter | None:
    """What a client's ``rate_limit=`` option means: the limiter of that ``RateLimit`` (one per
    object and process, shared by every client given it), a shared ``RateLimiter``, or none."""
    if rate_limit is None or isinstance(rate_limit, RateLimiter):
        return rate_limit
    if isinstance(rate_limit, RateLimit):
        return _limiter_of(rate_limit)
    raise TypeError(f"rate_limit must be a gptkit.RateLimit or gptkit.RateLimiter, not {rate_limit!r}")
