"""``RedisBackend``: one set of limits for every process and machine pointing at one Redis.

Each scope is one small hash (two buckets, learned limits, the hold), changed only by the Lua
script in ``_lua`` on Redis's own clock, so machines with skewed clocks still agree. A waiter
is told its wait in the script's answer and sleeps exactly that long; nobody polls.
"""

from __future__ import annotations

import asyncio
import threading
import weakref
from typing import Any

from gptkit._exceptions import RateLimitBackendError
from gptkit._optional import require
from gptkit._ratelimit._config import Limits
from gptkit._ratelimit._core import Grant, NeverFits, Observation, Shape
from gptkit._ratelimit._lua import SCRIPT
from gptkit._ratelimit._memory import LaneKey

__all__ = ["RedisBackend"]


def _import_redis() -> Any:
    require("redis.asyncio", extra="redis", feature="gptkit.RedisBackend")
    return require("redis", extra="redis", feature="gptkit.RedisBackend")


def _arg(value: float | None) -> str:
    return "" if value is None else repr(float(value))


def _opt(value: Any) -> float | None:
    text = value.decode() if isinstance(value, bytes) else str(value)
    return float(text) if text else None


def _redis_errors() -> tuple[type[BaseException], ...]:
    return (_import_redis().RedisError, OSError)


def _backend_error(exc: BaseException) -> RateLimitBackendError:
    return RateLimitBackendError(f"the Redis rate-limit backend failed: {type(exc).__name__}: {exc}")


class RedisBackend:
    """Share rate limits through Redis: ``RateLimit(rpm=..., backend=RedisBackend(url))``.

    ``url_or_client`` is a ``redis://`` URL (gptkit opens a sync client for ``Client`` and one
    asyncio client per event loop for ``AsyncClient``), a ``redis.Redis`` (sync use only) or a
    ``redis.asyncio.Redis`` (async use only). Keys are ``{prefix}:{hash of the API key}:{model}``;
    the API key itself is never stored. Every process must configure the same limits.
    """

    def __init__(self, url_or_client: str | Any, *, prefix: str = "gptkit:ratelimit") -> None:
        redis = _import_redis()
        self.prefix = prefix
        self._url: str | None = None
        self._sync: Any = None
        self._async: Any = None
        if isinstance(url_or_client, str):
            self._url = url_or_client
        elif isinstance(url_or_client, redis.asyncio.Redis):
            self._async = url_or_client
        elif isinstance(url_or_client, redis.Redis):
            self._sync = url_or_client
        else:
            raise TypeError(f"RedisBackend needs a redis:// URL or a redis client, not {url_or_client!r}")
        self._lock = threading.Lock()
        self._sync_script: Any = None
        self._loop_scripts: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, tuple[Any, Any]] = (
            weakref.WeakKeyDictionary()
        )

    def __repr__(self) -> str:
        where = "url" if self._url is not None else "client"
        return f"RedisBackend({where}, prefix={self.prefix!r})"

    def _bind(self, shape: Shape) -> BoundRedis:
        return BoundRedis(self, shape)

    def sync_client(self) -> tuple[Any, Any]:
        with self._lock:
            if self._sync_script is None:
                if self._sync is None:
                    if self._url is None:
                        raise TypeError("this RedisBackend holds an asyncio client: a sync Client needs "
                                        "a URL or a redis.Redis")
                    self._sync = _import_redis().Redis.from_url(self._url)
                self._sync_script = self._sync.register_script(SCRIPT)
            return self._sync, self._sync_script

    def async_client(self) -> tuple[Any, Any]:
        loop = asyncio.get_running_loop()
        with self._lock:
            entry = self._loop_scripts.get(loop)
            if entry is None:
                client = self._async
                if client is None:
                    if self._url is None:
                        raise TypeError("this RedisBackend holds a sync client: an AsyncClient needs "
                                        "a URL or a redis.asyncio.Redis")
                    # asyncio connections belong to one event loop: one client per loop.
                    client = _import_redis().asyncio.Redis.from_url(self._url)
                entry = self._loop_scripts[loop] = (client, client.register_script(SCRIPT))
            return entry


class BoundRedis:
    """A ``RedisBackend`` bound to one limiter's shape (window, jitter, adaptive)."""

    def __init__(self, config: RedisBackend, shape: Shape) -> None:
        self.config = config
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
        return Grant(float(head[1]), float(head[2]))

    @staticmethod
    def _observe_args(seen: Observation, age: float) -> list[str]:
        return [_arg(seen.limit_requests), _arg(seen.limit_tokens),
                _arg(seen.remaining_requests), _arg(seen.remaining_tokens), repr(float(age))]

    def _run(self, key: LaneKey, argv: list[str]) -> Any:
        _client, script = self.config.sync_client()
        try:
            return script(keys=[self._key(key)], args=argv)
        except _redis_errors() as exc:
            raise _backend_error(exc) from exc

    async def _arun(self, key: LaneKey, argv: list[str]) -> Any:
        _client, script = self.config.async_client()
        try:
            return await script(keys=[self._key(key)], args=argv)
        except _redis_errors() as exc:
            raise _backend_error(exc) from exc

    # -- the backend interface ----------------------------------------------------------------

    def reserve(self, key: LaneKey, limits: Limits, tokens: int) -> Grant:
        return self._grant(limits, self._run(key, self._argv("reserve", key, limits, str(tokens))), tokens)

    async def areserve(self, key: LaneKey, limits: Limits, tokens: int) -> Grant:
        raw = await self._arun(key, self._argv("reserve", key, limits, str(tokens)))
        return self._grant(limits, raw, tokens)

    def shift(self, key: LaneKey) -> float:
        client, _script = self.config.sync_client()
        try:
            value = client.hget(self._key(key), "shift")
        except _redis_errors() as exc:
            raise _backend_error(exc) from exc
        return float(value) if value is not None else 0.0

    async def ashift(self, key: LaneKey) -> float:
        client, _script = self.config.async_client()
        try:
            value = await client.hget(self._key(key), "shift")
        except _redis_errors() as exc:
            raise _backend_error(exc) from exc
        return float(value) if value is not None else 0.0

    def give_back(self, key: LaneKey, limits: Limits, requests: float, tokens: float) -> None:
        with self._lock:
            pending = self._pending.setdefault(key, [0.0, 0.0])
            pending[0] += requests
            pending[1] += tokens

    def observe(self, key: LaneKey, limits: Limits, seen: Observation, age: float = 0.0) -> None:
        argv = self._argv("observe", key, limits, *self._observe_args(seen, age))
        self._answer(limits, self._run(key, argv))

    async def aobserve(self, key: LaneKey, limits: Limits, seen: Observation, age: float = 0.0) -> None:
        raw = await self._arun(key, self._argv("observe", key, limits, *self._observe_args(seen, age)))
        self._answer(limits, raw)

    def hold(self, key: LaneKey, limits: Limits, seconds: float) -> None:
        self._answer(limits, self._run(key, self._argv("hold", key, limits, repr(float(seconds)))))

    async def ahold(self, key: LaneKey, limits: Limits, seconds: float) -> None:
        self._answer(limits, await self._arun(key, self._argv("hold", key, limits, repr(float(seconds)))))

    def estimates(self) -> dict[str, dict[str, float | None]]:
        return {scope: dict(values) for scope, values in self._estimates.items()}
