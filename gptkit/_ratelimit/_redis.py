"""``RedisBackend``: one set of limits for every process and machine pointing at one Redis.

Each scope is one small hash (two buckets, learned limits, the hold), changed only by the Lua
script in ``_lua`` on Redis's own clock, so machines with skewed clocks still agree. A waiter
is told its wait in the script's answer and sleeps exactly that long; nobody polls. The
connection, its typed errors and its reconnects are ``gptkit._redis``'s, shared with budgets;
what a limiter does while Redis is unreachable is ``_outage``'s.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any, Literal

from gptkit._exceptions import RateLimitBackendError
from gptkit._ratelimit._config import Limits
from gptkit._ratelimit._core import Grant, NeverFits, Observation, Shape
from gptkit._ratelimit._lua import SCRIPT
from gptkit._ratelimit._memory import LaneKey
from gptkit._redis import Conn, RedisConnector

if TYPE_CHECKING:
    from collections.abc import Callable

    from gptkit._ratelimit._outage import Guarded

__all__ = ["BoundRedis", "RedisBackend"]

_WHAT = "the shared rate limit"


def _arg(value: float | None) -> str:
    return "" if value is None else repr(float(value))


def _opt(value: Any) -> float | None:
    text = value.decode() if isinstance(value, bytes) else str(value)
    return float(text) if text else None


class RedisBackend:
    """Share rate limits through Redis: ``RateLimit(rpm=..., backend=RedisBackend(url))``.

    ``url_or_client`` is a ``redis://`` URL (gptkit opens a sync client for ``Client`` and one
    asyncio client per event loop for ``AsyncClient``), a ``redis.Redis`` (serves async clients
    too, in a worker thread) or a ``redis.asyncio.Redis`` (async clients only). Keys are
    ``{prefix}:{hash of the API key}:{model}``; the API key itself is never stored. Every
    process must configure the same limits.

    While Redis is unreachable (after ``reconnect`` seconds of trying: a failover is ridden
    over), ``on_outage`` chooses: ``"fail"`` (the default) refuses calls with
    ``RateLimitBackendError`` before anything is sent; ``"local"`` keeps going on a limiter in
    this process at ``1 / expected_workers`` of the limits, tries Redis again every second,
    and re-joins the shared limits when it answers (keeping its local share in force for one
    ``window`` more, so the return causes no burst). ``timeout`` is the socket timeout, in
    seconds, of the clients gptkit opens from a URL.
    """

    def __init__(
        self,
        url_or_client: str | Any,
        *,
        prefix: str = "gptkit:ratelimit",
        on_outage: Literal["fail", "local"] = "fail",
        expected_workers: int | None = None,
        timeout: float = 2.0,
        reconnect: float = 5.0,
    ) -> None:
        if on_outage not in ("fail", "local"):
            raise ValueError(f"on_outage must be 'fail' or 'local', not {on_outage!r}")
        workers = expected_workers
        if workers is not None and (isinstance(workers, bool) or not isinstance(workers, int) or workers < 1):
            raise ValueError(f"expected_workers must be a positive int, not {expected_workers!r}")
        if on_outage == "local" and expected_workers is None:
            raise ValueError("on_outage='local' needs expected_workers=N: while Redis is unreachable "
                             "each process keeps to 1/N of the limits")
        self.prefix = prefix
        self.on_outage = on_outage
        self.expected_workers = expected_workers
        self.connector: RedisConnector = RedisConnector(url_or_client, feature="gptkit.RedisBackend",
                                        error=RateLimitBackendError, timeout=timeout, reconnect=reconnect)

    def __repr__(self) -> str:
        return f"RedisBackend({self.connector.where()}, prefix={self.prefix!r}, on_outage={self.on_outage!r})"

    def _bind(self, shape: Shape) -> Guarded:
        from gptkit._ratelimit._outage import Guarded

        return Guarded(BoundRedis(self, shape), shape, workers=self.expected_workers if
                       self.on_outage == "local" else None)


class BoundRedis:
    """A ``RedisBackend`` bound to one limiter's shape (window, jitter, adaptive).

    Every operation raises ``RateLimitBackendError`` when Redis fails; ``_outage.Guarded``
    decides what that means for the caller.
    """

    def __init__(self, config: RedisBackend, shape: Shape) -> None:
        self.config = config
        self.connector = config.connector
        self.shape = shape
        self._lock = threading.Lock()
        #: Corrections not yet sent (settled from sync code in async clients too): they ride
        #: along with this scope's next script call, so settling never does I/O.
        self._pending: dict[LaneKey, list[float]] = {}
        self._estimates: dict[str, dict[str, float | None]] = {}

    def _key(self, key: LaneKey) -> str:
        return f"{self.config.prefix}:{key[0]}:{key[1]}"

    def _argv(self, op: str, key: LaneKey, limits: Limits, *extra: str) -> list[str]:
        with self._lock:
            back = self._pending.pop(key, [0.0, 0.0])
        shape = self.shape
        return [op, _arg(limits.rpm), _arg(limits.tpm), repr(shape.window), repr(shape.jitter),
                "1" if shape.adaptive else "0", repr(back[0]), repr(back[1]), *extra]

    def _unsent(self, key: LaneKey, argv: list[str]) -> None:
        """The script did not run (as far as we know): keep its corrections for the next one."""
        self.give_back(key, Limits(key[1], None, None), float(argv[6]), float(argv[7]))

    def _answer(self, limits: Limits, raw: list[Any]) -> list[Any]:
        values = [v.decode() if isinstance(v, bytes) else v for v in raw]
        tail = values[-5:]
        self._estimates[limits.scope] = {
            "rpm": _opt(tail[0]), "tpm": _opt(tail[1]), "requests_available": _opt(tail[2]),
            "tokens_available": _opt(tail[3]), "hold_remaining": _opt(tail[4]),
        }
        return values[:-5]

    def _grant(self, limits: Limits, raw: list[Any], tokens: int) -> Grant:
        head = self._answer(limits, raw)
        if head[0] == "never":
            raise NeverFits(tokens, float(head[1]))
        hold = self._estimates[limits.scope]["hold_remaining"] or 0.0
        return Grant(float(head[1]), float(head[2]), hold)

    @staticmethod
    def _observe_args(seen: Observation, age: float) -> list[str]:
        return [_arg(seen.limit_requests), _arg(seen.limit_tokens),
                _arg(seen.remaining_requests), _arg(seen.remaining_tokens), repr(float(age))]

    def _script(self, key: LaneKey, argv: list[str]) -> Callable[[Conn], Any]:
        redis_key = self._key(key)
        return lambda conn: conn.script(SCRIPT)(keys=[redis_key], args=argv)

    def _run(self, key: LaneKey, argv: list[str], patient: bool = True) -> Any:
        try:
            return self.connector.run(_WHAT, self._script(key, argv), patient=patient)
        except RateLimitBackendError:
            self._unsent(key, argv)
            raise

    async def _arun(self, key: LaneKey, argv: list[str], patient: bool = True) -> Any:
        try:
            return await self.connector.arun(_WHAT, self._script(key, argv), patient=patient)
        except RateLimitBackendError:
            self._unsent(key, argv)
            raise

    # -- the backend interface (raising RateLimitBackendError) ----------------------------------

    def reserve(self, key: LaneKey, limits: Limits, tokens: int) -> Grant:
        return self._grant(limits, self._run(key, self._argv("reserve", key, limits, str(tokens))), tokens)

    async def areserve(self, key: LaneKey, limits: Limits, tokens: int) -> Grant:
        raw = await self._arun(key, self._argv("reserve", key, limits, str(tokens)))
        return self._grant(limits, raw, tokens)

    def _shift_op(self, key: LaneKey) -> Callable[[Conn], Any]:
        redis_key = self._key(key)
        return lambda conn: conn.client.hget(redis_key, "shift")

    def shift(self, key: LaneKey) -> float:
        value = self.connector.run(_WHAT, self._shift_op(key), patient=False)
        return float(value) if value is not None else 0.0

    async def ashift(self, key: LaneKey) -> float:
        value = await self.connector.arun(_WHAT, self._shift_op(key), patient=False)
        return float(value) if value is not None else 0.0

    def give_back(self, key: LaneKey, limits: Limits, requests: float, tokens: float) -> None:
        with self._lock:
            pending = self._pending.setdefault(key, [0.0, 0.0])
            pending[0] += requests
            pending[1] += tokens

    def observe(self, key: LaneKey, limits: Limits, seen: Observation, age: float = 0.0) -> None:
        argv = self._argv("observe", key, limits, *self._observe_args(seen, age))
        self._answer(limits, self._run(key, argv, patient=False))

    async def aobserve(self, key: LaneKey, limits: Limits, seen: Observation, age: float = 0.0) -> None:
        argv = self._argv("observe", key, limits, *self._observe_args(seen, age))
        self._answer(limits, await self._arun(key, argv, patient=False))

    def hold(self, key: LaneKey, limits: Limits, seconds: float) -> None:
        argv = self._argv("hold", key, limits, repr(float(seconds)))
        self._answer(limits, self._run(key, argv, patient=False))

    async def ahold(self, key: LaneKey, limits: Limits, seconds: float) -> None:
        argv = self._argv("hold", key, limits, repr(float(seconds)))
        self._answer(limits, await self._arun(key, argv, patient=False))

    def estimates(self) -> dict[str, dict[str, float | None]]:
        return {scope: dict(values) for scope, values in self._estimates.items()}
