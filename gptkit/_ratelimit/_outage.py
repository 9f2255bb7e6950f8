"""What a limiter on Redis does while Redis is unreachable: fail, or go on at a local share.

``Guarded`` wraps the Redis-bound backend for the limiter. Reservations that cannot reach Redis
(after the connector's reconnect window) either raise ``RateLimitBackendError`` (``workers`` is
None: fail closed, nothing is sent), or switch this limiter to a ``MemoryBackend`` at
``1 / workers`` of every limit, each lane starting with its burst spent (what the others just
sent is unknown). In that *local* state Redis is tried again once a second (one
fast attempt: the connector knows it is down). When it answers, the limiter is *re-joining*
for one ``window``: every request is reserved in Redis **and** in the local share, and the
usage still counted locally is added to Redis, so neither this worker nor the others, which
re-join in their own time, can spend the same capacity twice: no burst of 429s on the return.
After that window (everything spent locally has drained from the server's count too) the
local share is dropped and Redis alone decides again.

Advisory steps (the server's headers, a 429's hold, the wait-shift check) never fail a call:
the reservation was made, the response arrived. They go wherever the limits are kept now.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from gptkit._clock import get_clock
from gptkit._exceptions import RateLimitBackendError
from gptkit._ratelimit._config import Limits
from gptkit._ratelimit._core import Grant, NeverFits, Observation, Shape
from gptkit._ratelimit._memory import LaneKey, MemoryBackend

if TYPE_CHECKING:
    from gptkit._ratelimit._redis import BoundRedis

__all__ = ["PROBE_INTERVAL", "Guarded"]

logger = logging.getLogger("gptkit")

#: Seconds between attempts to reach Redis again while running on the local share.
PROBE_INTERVAL = 1.0

_SHARED, _LOCAL, _REJOINING = "shared", "local", "re-joining"


def _share(value: float | None, workers: int) -> float | None:
    return None if value is None else value / workers


class Guarded:
    """The limiter's backend when it lives in Redis (see the module docstring)."""

    def __init__(self, shared: BoundRedis, shape: Shape, *, workers: int | None) -> None:
        self.shared = shared
        self.shape = shape
        self.workers = workers
        self._lock = threading.Lock()
        self.state = _SHARED
        self._local: MemoryBackend | None = None
        self._next_probe = 0.0
        self._rejoin_until = 0.0
        #: Per lane: [shift reported, last shift seen in Redis, last seen locally]. The limiter
        #: compares shifts before and after a sleep; the sources change, the total only grows.
        self._shifts: dict[LaneKey, list[float | None]] = {}

    # -- states -----------------------------------------------------------------------------

    @property
    def degraded(self) -> bool:
        """True while this limiter keeps (also) to its local share."""
        return self.state != _SHARED

    def _limits(self, limits: Limits) -> Limits:
        assert self.workers is not None
        return Limits(limits.scope, _share(limits.rpm, self.workers), _share(limits.tpm, self.workers))

    def _seen(self, seen: Observation) -> Observation:
        assert self.workers is not None
        n = self.workers
        return replace(seen, limit_requests=_share(seen.limit_requests, n),
                       limit_tokens=_share(seen.limit_tokens, n),
                       remaining_requests=_share(seen.remaining_requests, n),
                       remaining_tokens=_share(seen.remaining_tokens, n))

    def _go_local(self, error: RateLimitBackendError) -> MemoryBackend:
        now = get_clock().monotonic()
        with self._lock:
            if self._local is None:
                self._local = MemoryBackend(self.shape, start_full=True)
                for entry in self._shifts.values():
                    entry[2] = None
            if self.state != _LOCAL:
                logger.warning("rate limit: %s; continuing on a local limiter at 1/%d of the limits until "
                               "Redis answers", error, self.workers)
            self.state = _LOCAL
            self._next_probe = now + PROBE_INTERVAL
            return self._local

    def _rejoined(self) -> None:
        """Redis answered a probe: add what the local share still counts to Redis, re-join."""
        local = self._local
        assert local is not None
        with self._lock:
            if self.state != _LOCAL:
                return
            self.state = _REJOINING
            self._rejoin_until = get_clock().monotonic() + self.shape.window + self.shape.jitter
        for key, requests, tokens in local.levels():
            self.shared.give_back(key, Limits(key[1], None, None), -requests, -tokens)
        logger.warning("rate limit: Redis answers again; re-joining the shared limits (the local share "
                       "stays in force for %.3gs)", self.shape.window + self.shape.jitter)

    def _settle_state(self) -> str:
        """The state for the next step (a re-join over: shared alone again)."""
        if self.state == _REJOINING and get_clock().monotonic() >= self._rejoin_until:
            with self._lock:
                if self.state == _REJOINING:
                    self.state, self._local = _SHARED, None
        return self.state

    def _probe_due(self) -> bool:
        return get_clock().monotonic() >= self._next_probe

    # -- shifts -------------------------------------------------------------------------------

    def _total_shift(self, key: LaneKey, shared: float | None, local: float | None) -> float:
        with self._lock:
            entry = self._shifts.setdefault(key, [0.0, None, None])
            for index, value in ((1, shared), (2, local)):
                if value is None:
                    continue
                last = entry[index]
                if last is not None and value > last:
                    entry[0] = (entry[0] or 0.0) + value - last
                entry[index] = value
            return entry[0] or 0.0

    def _grant(self, key: LaneKey, shared: Grant | None, local: Grant | None) -> Grant:
        grants = [g for g in (shared, local) if g is not None]
        total = self._total_shift(key, shared.shift if shared else None, local.shift if local else None)
        return Grant(max(g.wait for g in grants), total, max(g.hold for g in grants))

    # -- reserve: the one step that may refuse -----------------------------------------------

    def _local_reserve(self, key: LaneKey, limits: Limits, tokens: int) -> Grant:
        local = self._local
        assert local is not None
        try:
            return local.reserve(key, self._limits(limits), tokens)
        except NeverFits as exc:
            raise RateLimitBackendError(
                f"Redis is unreachable and a request of about {exc.tokens} tokens does not fit this "
                f"worker's local share of the limit ({exc.capacity:.0f} tokens at once, 1/{self.workers}); "
                "nothing was sent"
            ) from None

    def _after_shared(self, key: LaneKey, limits: Limits, tokens: int, shared: Grant) -> Grant:
        state = self.state
        if state == _LOCAL:
            self._rejoined()
        if self.state == _REJOINING:
            return self._grant(key, shared, self._local_reserve(key, limits, tokens))
        return self._grant(key, shared, None)

    def _failed_shared(self, key: LaneKey, limits: Limits, tokens: int, exc: RateLimitBackendError) -> Grant:
        if self.workers is None:
            raise exc
        self._go_local(exc)
        return self._grant(key, None, self._local_reserve(key, limits, tokens))

    def _local_only(self) -> bool:
        return self._settle_state() == _LOCAL and not self._probe_due()

    def _try_shared(self) -> bool:
        """Whether an advisory step should go to Redis: not while it is known to be down (a
        frozen Redis costs a socket timeout per attempt; only reservations probe it)."""
        return self._settle_state() != _LOCAL and not self.shared.connector.down

    def _advisory_failed(self, exc: RateLimitBackendError) -> None:
        """An advisory step found Redis gone: with a local share, take it over now."""
        if self.workers is None:
            logger.debug("rate limit: a report could not reach Redis: %s", exc)
        else:
            self._go_local(exc)

    def reserve(self, key: LaneKey, limits: Limits, tokens: int) -> Grant:
        if self._local_only():
            return self._grant(key, None, self._local_reserve(key, limits, tokens))
        try:
            shared = self.shared.reserve(key, limits, tokens)
        except RateLimitBackendError as exc:
            return self._failed_shared(key, limits, tokens, exc)
        return self._after_shared(key, limits, tokens, shared)

    async def areserve(self, key: LaneKey, limits: Limits, tokens: int) -> Grant:
        if self._local_only():
            return self._grant(key, None, self._local_reserve(key, limits, tokens))
        try:
            shared = await self.shared.areserve(key, limits, tokens)
        except RateLimitBackendError as exc:
            return self._failed_shared(key, limits, tokens, exc)
        return self._after_shared(key, limits, tokens, shared)

    # -- advisory steps: never fail a call --------------------------------------------------

    def _advise(self, step: str, *args: object) -> Any:
        """Run an advisory step in Redis unless it is known to be down; None when it failed (a
        shift: the last one stands; a hold: the next reservation, which fails closed, says so)."""
        if self._try_shared():
            try:
                return getattr(self.shared, step)(*args)
            except RateLimitBackendError as exc:
                self._advisory_failed(exc)
        return None

    async def _aadvise(self, step: str, *args: object) -> Any:
        if self._try_shared():
            try:
                return await getattr(self.shared, "a" + step)(*args)
            except RateLimitBackendError as exc:
                self._advisory_failed(exc)
        return None

    def _local_shift(self, key: LaneKey) -> float | None:
        return self._local.shift(key) if self._local is not None else None

    def shift(self, key: LaneKey) -> float:
        return self._total_shift(key, self._advise("shift", key), self._local_shift(key))

    async def ashift(self, key: LaneKey) -> float:
        return self._total_shift(key, await self._aadvise("shift", key), self._local_shift(key))

    def give_back(self, key: LaneKey, limits: Limits, requests: float, tokens: float) -> None:
        state = self._settle_state()
        local = self._local
        if state != _SHARED and local is not None:
            local.give_back(key, self._limits(limits), requests, tokens)
        if state != _LOCAL:
            self.shared.give_back(key, limits, requests, tokens)

    def _locally(self) -> MemoryBackend | None:
        return self._local if self.state != _SHARED else None

    def _observe_locally(self, key: LaneKey, limits: Limits, seen: Observation, age: float) -> None:
        local = self._locally()
        if local is not None:
            local.observe(key, self._limits(limits), self._seen(seen), age)

    def _hold_locally(self, key: LaneKey, limits: Limits, seconds: float) -> None:
        local = self._locally()
        if local is not None:
            local.hold(key, self._limits(limits), seconds)

    def observe(self, key: LaneKey, limits: Limits, seen: Observation, age: float = 0.0) -> None:
        self._advise("observe", key, limits, seen, age)
        self._observe_locally(key, limits, seen, age)

    async def aobserve(self, key: LaneKey, limits: Limits, seen: Observation, age: float = 0.0) -> None:
        await self._aadvise("observe", key, limits, seen, age)
        self._observe_locally(key, limits, seen, age)

    def hold(self, key: LaneKey, limits: Limits, seconds: float) -> None:
        self._advise("hold", key, limits, seconds)
        self._hold_locally(key, limits, seconds)

    async def ahold(self, key: LaneKey, limits: Limits, seconds: float) -> None:
        await self._aadvise("hold", key, limits, seconds)
        self._hold_locally(key, limits, seconds)

    def estimates(self) -> dict[str, dict[str, float | None]]:
        local = self._local
        if self.state != _SHARED and local is not None:
            return local.estimates()
        return self.shared.estimates()
