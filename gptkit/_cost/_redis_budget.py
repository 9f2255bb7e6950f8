"""A budget in Redis, shared by every process and machine that names it.

Money is kept as integer nano-dollars (rounded up, so a budget may overstate spending by less
than a millionth of a cent per call, never understate it). Each step is one Lua script, so the
check-and-reserve is atomic across machines, and reservations expire by the server's clock: a
process killed mid-call gives its holds back after ``reservation_ttl`` seconds.

Keys: ``{prefix}:budget:{<name>}`` (hash: spent, reserved), ``...:holds`` (sorted set of hold ids
by expiry) and ``...:amounts`` (hash: hold id -> nano-dollars). The braces keep all three in one
Redis Cluster slot. Keys hold nothing but the prefix and the name you chose.
"""

from __future__ import annotations

import weakref
from decimal import Decimal
from typing import Any

from gptkit._cost._budget import Reservation, refusal
from gptkit._cost._money import from_nanos, to_decimal, to_nanos_ceil
from gptkit._optional import require

__all__ = ["RedisBudget"]

# KEYS: state, holds, amounts. ARGV: limit, amount, hold id, ttl ms (all integers as strings).
_RESERVE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local expired = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now)
for _, id in ipairs(expired) do
  local held = redis.call('HGET', KEYS[3], id)
  if held and held ~= '0' then
    redis.call('HINCRBY', KEYS[1], 'reserved', '-' .. held)
  end
  redis.call('HDEL', KEYS[3], id)
  redis.call('ZREM', KEYS[2], id)
end
local spent = redis.call('HGET', KEYS[1], 'spent') or '0'
local reserved = redis.call('HGET', KEYS[1], 'reserved') or '0'
if tonumber(spent) + tonumber(reserved) + tonumber(ARGV[2]) > tonumber(ARGV[1]) then
  return {0, spent, reserved}
end
redis.call('HINCRBY', KEYS[1], 'reserved', ARGV[2])
redis.call('HSET', KEYS[3], ARGV[3], ARGV[2])
redis.call('ZADD', KEYS[2], now + tonumber(ARGV[4]), ARGV[3])
return {1, spent, reserved}
"""

# KEYS: state, holds, amounts. ARGV: hold id, nano-dollars to charge (charged even when the hold
# had expired: the money was spent all the same).
_SETTLE = """
local held = redis.call('HGET', KEYS[3], ARGV[1])
if held then
  if held ~= '0' then redis.call('HINCRBY', KEYS[1], 'reserved', '-' .. held) end
  redis.call('HDEL', KEYS[3], ARGV[1])
  redis.call('ZREM', KEYS[2], ARGV[1])
end
if ARGV[2] ~= '0' then redis.call('HINCRBY', KEYS[1], 'spent', ARGV[2]) end
return held and 1 or 0
"""


def _is_async_client(client: Any) -> bool:
    try:
        import redis.asyncio
    except ImportError:  # pragma: no cover - the client came from somewhere
        return False
    return isinstance(client, redis.asyncio.Redis)


class RedisBudget:
    """A spending limit shared through Redis by processes and machines.

    ``RedisBudget("redis://host:6379/0", name="nightly", usd="50")``: every client in every
    process that uses the same Redis and ``name`` draws on the same $50. Pass a URL (gptkit makes
    a sync client for ``Client`` and an asyncio client for ``AsyncClient``) or a ready
    ``redis.Redis`` / ``redis.asyncio.Redis``. Needs the ``gptkit[redis]`` extra.

    Each process enforces the ``usd`` it was given against the shared spending, so give them all
    the same. ``reservation_ttl`` (seconds) must exceed your longest call, stream included.

    :param redis: a Redis URL (``redis://host:6379/0``), a ``redis.Redis`` or a
        ``redis.asyncio.Redis``.
    :param name: the budget's identity in Redis: every process using the same name (and
        ``prefix``) draws on the same money.
    :param usd: the limit in US dollars; give every process the same.
    :param allow_unpriced: let calls to models with no known price through, uncounted.
    :param prefix: the first part of the Redis keys (``gptkit:budget:{name}``...).
    :param reservation_ttl: seconds after which the hold of a call whose process died
        expires (default 900); set it above your longest call, streams included.
    """

    local = False

    def __init__(
        self,
        redis: str | Any,
        *,
        name: str,
        usd: Decimal | str | float,
        allow_unpriced: bool = False,
        prefix: str = "gptkit",
        reservation_ttl: float = 900.0,
    ) -> None:
        if not name or not isinstance(name, str):
            raise ValueError("RedisBudget needs a non-empty name= (the budget's identity in Redis)")
        if reservation_ttl <= 0:
            raise ValueError("reservation_ttl must be > 0 seconds")
        self.name = name
        self._limit = to_decimal(usd, "usd")
        self._limit_nanos = to_nanos_ceil(self._limit)
        self.allow_unpriced = allow_unpriced
        self._ttl_ms = str(int(reservation_ttl * 1000))
        base = f"{prefix}:budget:{{{name}}}"
        self._keys = [base, f"{base}:holds", f"{base}:amounts"]
        self._url: str | None = None
        self._sync: Any = None
        self._async_given: Any = None
        self._async_by_loop: weakref.WeakKeyDictionary[Any, Any] = weakref.WeakKeyDictionary()
        self._scripts: dict[tuple[int, str], Any] = {}
        if isinstance(redis, str):
            require("redis", extra="redis", feature="gptkit.RedisBudget")  # fail now, not mid-job
            self._url = redis
        elif _is_async_client(redis):
            self._async_given = redis
        else:
            self._sync = redis

    @property
    def limit(self) -> Decimal:
        return self._limit

    @property
    def keys(self) -> tuple[str, ...]:
        """The Redis keys this budget uses."""
        return tuple(self._keys)

    # -- clients and scripts ----------------------------------------------------------------

    def _sync_client(self) -> Any:
        if self._sync is None:
            if self._url is None:
                raise TypeError("this RedisBudget was given an asyncio Redis client; "
                                "a sync Client needs a redis.Redis or a URL")
            redis = require("redis", extra="redis", feature="gptkit.RedisBudget")
            self._sync = redis.Redis.from_url(self._url)
        return self._sync

    def _async_client(self) -> Any:
        if self._async_given is not None:
            return self._async_given
        if self._url is None:
            return None  # only a sync client: run it in a worker thread
        import asyncio

        redis_asyncio = require("redis.asyncio", extra="redis", feature="gptkit.RedisBudget")
        # An asyncio connection pool belongs to the loop that opened it: one client per loop.
        loop = asyncio.get_running_loop()
        client = self._async_by_loop.get(loop)
        if client is None:
            client = self._async_by_loop[loop] = redis_asyncio.Redis.from_url(self._url)
        return client

    def _script(self, client: Any, source: str) -> Any:
        key = (id(client), source)
        script = self._scripts.get(key)
        if script is None:
            script = self._scripts[key] = client.register_script(source)
        return script

    # -- the budget protocol ----------------------------------------------------------------

    def _hold(self, amount: Decimal, model: str | None) -> tuple[Reservation, list[str]]:
        import uuid  # here: ``import gptkit`` must not import uuid (tests/test_import_budget.py)

        reservation = Reservation(amount, model, id=uuid.uuid4().hex)
        return reservation, [str(self._limit_nanos), str(to_nanos_ceil(amount)), reservation.id,
                             self._ttl_ms]

    def _check(self, reservation: Reservation, reply: Any) -> Reservation:
        if int(reply[0]) != 1:
            spent, reserved = int(reply[1]), int(reply[2])
            remaining = self._limit - from_nanos(spent + reserved)
            reservation.closed = True
            raise refusal(reservation.amount, remaining, self._limit, reservation.model)
        return reservation

    @staticmethod
    def _charge(reservation: Reservation, actual: Decimal | None) -> str:
        return str(to_nanos_ceil(reservation.amount if actual is None else actual))

    def reserve(self, amount: Decimal, *, model: str | None = None) -> Reservation:
        reservation, args = self._hold(amount, model)
        client = self._sync_client()
        return self._check(reservation, self._script(client, _RESERVE)(keys=self._keys, args=args))

    def settle(self, reservation: Reservation, actual: Decimal | None) -> None:
        if reservation.closed:
            return
        reservation.closed = True
        client = self._sync_client()
        charge = self._charge(reservation, actual)
        self._script(client, _SETTLE)(keys=self._keys, args=[reservation.id, charge])

    def release(self, reservation: Reservation) -> None:
        if reservation.closed:
            return
        reservation.closed = True
        client = self._sync_client()
        self._script(client, _SETTLE)(keys=self._keys, args=[reservation.id, "0"])

    async def _arun(self, source: str, args: list[str]) -> Any:
        client = self._async_client()
        if client is None:
            import anyio.to_thread

            sync = self._sync_client()
            script = self._script(sync, source)
            return await anyio.to_thread.run_sync(lambda: script(keys=self._keys, args=args))
        return await self._script(client, source)(keys=self._keys, args=args)

    async def areserve(self, amount: Decimal, *, model: str | None = None) -> Reservation:
        reservation, args = self._hold(amount, model)
        return self._check(reservation, await self._arun(_RESERVE, args))

    async def asettle(self, reservation: Reservation, actual: Decimal | None) -> None:
        if reservation.closed:
            return
        reservation.closed = True
        await self._arun(_SETTLE, [reservation.id, self._charge(reservation, actual)])

    async def arelease(self, reservation: Reservation) -> None:
        if reservation.closed:
            return
        reservation.closed = True
        await self._arun(_SETTLE, [reservation.id, "0"])

    # -- reading and resetting --------------------------------------------------------------

    def _amounts(self, reply: Any) -> tuple[Decimal, Decimal]:
        spent, reserved = (int(value or 0) for value in reply)
        return from_nanos(spent), from_nanos(reserved)

    def state(self) -> tuple[Decimal, Decimal]:
        """(spent, reserved) dollars, read from Redis."""
        return self._amounts(self._sync_client().hmget(self._keys[0], "spent", "reserved"))

    async def astate(self) -> tuple[Decimal, Decimal]:
        client = self._async_client()
        if client is None:
            import anyio.to_thread

            return await anyio.to_thread.run_sync(self.state)
        return self._amounts(await client.hmget(self._keys[0], "spent", "reserved"))

    @property
    def spent(self) -> Decimal:
        """Dollars spent by finished calls of every process (a sync read from Redis)."""
        return self.state()[0]

    @property
    def remaining(self) -> Decimal:
        spent, reserved = self.state()
        return self._limit - spent - reserved

    def reset(self) -> None:
        """Delete this budget's keys: spending starts again from zero everywhere."""
        self._sync_client().delete(*self._keys)

    async def areset(self) -> None:
        client = self._async_client()
        if client is None:
            import anyio.to_thread

            await anyio.to_thread.run_sync(self.reset)
            return
        await client.delete(*self._keys)

    def __repr__(self) -> str:
        return f"RedisBudget(name={self.name!r}, usd={str(self._limit)!r})"
