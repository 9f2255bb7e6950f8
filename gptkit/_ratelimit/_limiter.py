"""``RateLimiter``: the sync and async shells around the bucket arithmetic, and its permits.

Both shells do the same steps: take a concurrency slot, queue (first-in first-out) for the
lane's turnstile, reserve the cost (the backend answers how long to sleep), sleep, sleep again
only if a 429 hold pushed the queue back meanwhile, and pass the turnstile on. No polling:
every sleep is computed. Only the head of a lane holds a reservation while it sleeps, so a
refund or a hold that arrives meanwhile reaches every request queued behind it (a queue
reserved all at once would keep the slots computed from estimates that were since refunded).
"""

from __future__ import annotations

import hashlib
import logging
import threading
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Protocol

import httpx

from gptkit._clock import get_clock
from gptkit._exceptions import RateLimitExceededError
from gptkit._ratelimit._config import Limits, RateLimit
from gptkit._ratelimit._core import Grant, NeverFits, Observation, Shape, settlement
from gptkit._ratelimit._headers import hold_seconds, parse_observation
from gptkit._ratelimit._memory import LaneKey, MemoryBackend
from gptkit._ratelimit._slots import Slots
from gptkit._tokens import estimate_prompt_tokens, max_output_tokens

if TYPE_CHECKING:
    from collections.abc import Mapping

    from gptkit._core._config import Secret

__all__ = ["RateLimitPermit", "RateLimitStats", "RateLimiter", "api_key_namespace", "as_limiter"]

logger = logging.getLogger("gptkit")


class Backend(Protocol):
    def reserve(self, key: LaneKey, limits: Limits, tokens: int) -> Grant: ...
    def shift(self, key: LaneKey) -> float: ...
    def give_back(self, key: LaneKey, limits: Limits, requests: float, tokens: float) -> None: ...
    def observe(self, key: LaneKey, limits: Limits, seen: Observation, age: float = ...) -> None: ...
    def hold(self, key: LaneKey, limits: Limits, seconds: float) -> None: ...
    def estimates(self) -> dict[str, dict[str, float | None]]: ...
    async def areserve(self, key: LaneKey, limits: Limits, tokens: int) -> Grant: ...
    async def ashift(self, key: LaneKey) -> float: ...
    async def aobserve(self, key: LaneKey, limits: Limits, seen: Observation, age: float = ...) -> None: ...
    async def ahold(self, key: LaneKey, limits: Limits, seconds: float) -> None: ...


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
    last seen by this process.
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


class RateLimiter:
    """Keeps calls within a ``RateLimit``; share one between clients, threads and tasks.

    ``Client(rate_limit=RateLimit(...))`` makes a private limiter; pass a ``RateLimiter``
    instead to share its limits (``Client(rate_limit=limiter)`` and ``AsyncClient(rate_limit=
    limiter)`` may use the same one). Waiting requests are served first-in first-out.
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
        self._counts = {"requests": 0, "waited": 0, "holds": 0, "rejected": 0}
        self._waits = {"total": 0.0, "max": 0.0, "last": 0.0}

    def __repr__(self) -> str:
        backend = type(self._backend).__name__
        return f"RateLimiter(rpm={self.limit.rpm}, tpm={self.limit.tpm}, backend={backend})"

    # -- the shells ---------------------------------------------------------------------------

    def _start(self, model: str, namespace: str) -> tuple[LaneKey, Limits]:
        limits = self.limit.limits_for(model)
        return (namespace, limits.scope), limits

    def _never_fits(self, exc: NeverFits, limits: Limits, model: str) -> RateLimitExceededError:
        with self._lock:
            self._counts["rejected"] += 1
        return RateLimitExceededError(
            f"A request to {model} needs about {exc.tokens} tokens, more than the "
            f"tokens-per-minute limit lets through at once ({exc.capacity:.0f} over a "
            f"{self.limit.window:g}s window): it can never be sent under this limit. "
            "Lower max_tokens or split the prompt."
        )

    def _turnstile(self, key: LaneKey) -> Slots:
        with self._lock:
            turnstile = self._turnstiles.get(key)
            if turnstile is None:
                turnstile = self._turnstiles[key] = Slots(1)
            return turnstile

    def acquire(self, model: str, *, tokens: int = 0, namespace: str = "default") -> RateLimitPermit:
        """Wait until one request of ``tokens`` tokens to ``model`` may start (blocking)."""
        key, limits = self._start(model, namespace)
        clock = get_clock()
        started = clock.monotonic()
        if self._slots is not None:
            self._slots.acquire()
        turnstile = self._turnstile(key)
        reserved = False
        try:
            turnstile.acquire()
            try:
                try:
                    grant = self._backend.reserve(key, limits, tokens)
                except NeverFits as exc:
                    raise self._never_fits(exc, limits, model) from None
                reserved = True
                wait, shift = grant.wait, grant.shift
                if wait > 0:
                    self._log_wait(model, tokens, wait)
                while wait > 0:
                    clock.sleep(wait)
                    latest = self._backend.shift(key)
                    wait, shift = latest - shift, latest
            finally:
                turnstile.release()
        except BaseException:
            self._abandon(key, limits, tokens, reserved)
            raise
        return self._granted(key, limits, model, tokens, clock.monotonic() - started)

    async def aacquire(self, model: str, *, tokens: int = 0, namespace: str = "default") -> RateLimitPermit:
        """Wait until one request of ``tokens`` tokens to ``model`` may start (async)."""
        key, limits = self._start(model, namespace)
        clock = get_clock()
        started = clock.monotonic()
        if self._slots is not None:
            await self._slots.aacquire()
        turnstile = self._turnstile(key)
        reserved = False
        try:
            await turnstile.aacquire()
            try:
                try:
                    grant = await self._backend.areserve(key, limits, tokens)
                except NeverFits as exc:
                    raise self._never_fits(exc, limits, model) from None
                reserved = True
                wait, shift = grant.wait, grant.shift
                if wait > 0:
                    self._log_wait(model, tokens, wait)
                while wait > 0:
                    await clock.asleep(wait)
                    latest = await self._backend.ashift(key)
                    wait, shift = latest - shift, latest
            finally:
                turnstile.release()
        except BaseException:
            self._abandon(key, limits, tokens, reserved)
            raise
        return self._granted(key, limits, model, tokens, clock.monotonic() - started)

    def _abandon(self, key: LaneKey, limits: Limits, tokens: int, reserved: bool) -> None:
        """A waiter was cancelled or failed: give its reservation back and free its slot."""
        if reserved:
            self._backend.give_back(key, limits, 1, tokens)
        if self._slots is not None:
            self._slots.release()

    def _log_wait(self, model: str, tokens: int, wait: float) -> None:
        limits = self.limit.limits_for(model)
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
    def _call_args(call: Any, api_key: Secret | str | None) -> tuple[str, int, str]:
        # Tokens are counted even with no configured tpm: the server's headers may supply one.
        return call.model, request_tokens(call.body, call.endpoint.path), api_key_namespace(api_key)

    def acquire_for(self, call: Any, api_key: Secret | str | None) -> RateLimitPermit:
        """The client's hook: acquire for one attempt of ``call`` (a ``gptkit._core._base.Call``);
        ``api_key`` is whose limits it counts against (hashed into the lane's namespace)."""
        model, tokens, namespace = self._call_args(call, api_key)
        return self.acquire(model, tokens=tokens, namespace=namespace)

    async def aacquire_for(self, call: Any, api_key: Secret | str | None) -> RateLimitPermit:
        model, tokens, namespace = self._call_args(call, api_key)
        return await self.aacquire(model, tokens=tokens, namespace=namespace)

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
        )


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
        ``RateLimit(refund=True)`` (the API keeps its up-front charge; see ``_core.settlement``)."""
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

    def observe(self, headers: Mapping[str, str], *, done: bool = True) -> None:
        """Fold in a response's headers; ``done`` frees the slot (False while a stream runs)."""
        seen = parse_observation(headers)
        try:
            if seen is not None:
                self._limiter._backend.observe(self._key, self._limits, seen, self._age())
        finally:
            if done:
                self.release()

    async def aobserve(self, headers: Mapping[str, str], *, done: bool = True) -> None:
        seen = parse_observation(headers)
        try:
            if seen is not None:
                await self._limiter._backend.aobserve(self._key, self._limits, seen, self._age())
        finally:
            if done:
                self.release()

    def _hold_for(self, error: BaseException) -> float | None:
        seconds = hold_seconds(error, get_clock().wall()) if self._limiter.limit.adaptive else None
        if seconds is not None:
            with self._limiter._lock:
                self._limiter._counts["holds"] += 1
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

    def failed(self, error: BaseException) -> None:
        """The attempt failed: fold in the error response's headers, hold after a 429."""
        backend = self._limiter._backend
        try:
            seconds = self._hold_for(error)
            seen = self._error_observation(error, seconds)
            if seen is not None:
                backend.observe(self._key, self._limits, seen, self._age())
            if seconds is not None:
                backend.hold(self._key, self._limits, seconds)
        finally:
            self.release()

    async def afailed(self, error: BaseException) -> None:
        backend = self._limiter._backend
        try:
            seconds = self._hold_for(error)
            seen = self._error_observation(error, seconds)
            if seen is not None:
                await backend.aobserve(self._key, self._limits, seen, self._age())
            if seconds is not None:
                await backend.ahold(self._key, self._limits, seconds)
        finally:
            self.release()


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


def as_limiter(rate_limit: RateLimit | RateLimiter | None) -> RateLimiter | None:
    """What a client's ``rate_limit=`` option means: a private limiter, a shared one, or none."""
    if rate_limit is None or isinstance(rate_limit, RateLimiter):
        return rate_limit
    if isinstance(rate_limit, RateLimit):
        return RateLimiter(rate_limit)
    raise TypeError(f"rate_limit must be a gptkit.RateLimit or gptkit.RateLimiter, not {rate_limit!r}")
