"""A budget in Redis, shared by every process and machine that names it.

Money is kept as integer nano-dollars (rounded up, so a budget may overstate spending by less
than a millionth of a cent per call, never understate it). Each step is one Lua script
(``_budget_lua``), so the check-and-reserve is atomic across machines, and reservations expire
by the server's clock: a process killed mid-call gives its holds back after ``reservation_ttl``.

Faults, and what the money does through them:

- Redis unreachable: a reservation is retried for ``reconnect`` seconds (a failover), then the
  call is refused with ``BudgetBackendError`` (fail closed). A settlement (or release) that
  cannot be written is *owed*: kept in order and written, exactly once, as soon as Redis
  answers (the next call, a background thread, ``flush()`` / ``close()``). A process that exits
  still owing says so on stderr, with the amount.
- State vanished (restart without persistence, eviction, flush) or went back in time: calls
  are refused with ``BudgetStateLostError`` naming the cause, never counted from $0 again.

Each operation is written once, as a generator of Redis commands (``Cmd``); ``_drive`` runs
them blocking, ``_adrive`` awaits them.

Keys: ``{prefix}:budget:{<name>}`` (hash), ``...:holds`` (sorted set) and ``...:amounts``
(hash). The braces keep all three in one Redis Cluster slot. Keys hold nothing but the prefix
and the name you chose.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Generator
from decimal import Decimal
from typing import Any

from gptkit._cost._budget import Reservation, refusal
from gptkit._cost._budget_health import Snapshot, explain, snapshot_of, warn_if_unfit
from gptkit._cost._budget_lua import SCRIPT
from gptkit._cost._budget_owed import Cmd, Owed, SettlementLog
from gptkit._cost._money import from_nanos, to_decimal, to_nanos_ceil
from gptkit._exceptions import BudgetBackendError, BudgetStateLostError
from gptkit._redis import Conn, RedisConnector

__all__ = ["RedisBudget"]

logger = logging.getLogger("gptkit")

#: Milliseconds a settled-or-expired marker is kept, so a settlement retried that late is still
#: counted exactly once (markers exist only for expired holds and holds from before a reset).
_KEEP_MS = str(7 * 24 * 3600 * 1000)
_LOST = ("lost", "replaced", "rollback")


class _Hold(Reservation):
    __slots__ = ("under",)
    under: str


def _text(value: Any) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


class RedisBudget(SettlementLog):
    """A spending limit shared through Redis by processes and machines.

    ``RedisBudget("redis://host:6379/0", name="nightly", usd="50")``: every client in every
    process that uses the same Redis and ``name`` draws on the same $50. Pass a URL (gptkit opens
    a sync client for ``Client`` and an asyncio client per event loop for ``AsyncClient``) or a
    ready ``redis.Redis`` (serves async clients too, in a worker thread) or ``redis.asyncio.Redis``
    (async clients only). Needs the ``gptkit[redis]`` extra.

    Each process enforces the ``usd`` it was given against the shared spending, so give them all
    the same. ``reservation_ttl`` (seconds) must exceed your longest call, stream included.
    ``timeout`` is the socket timeout of the clients gptkit opens; ``reconnect`` how long a
    reservation keeps trying to reach Redis before the call is refused (``BudgetBackendError``).
    Settlements that cannot reach Redis are kept and written when it answers: see ``flush``.

    :param redis: a Redis URL (``redis://host:6379/0``), a ``redis.Redis`` or a
        ``redis.asyncio.Redis``.
    :param name: the budget's identity in Redis: every process using the same name (and
        ``prefix``) draws on the same money.
    :param usd: the limit in US dollars; give every process the same.
    :param allow_unpriced: let calls to models with no known price through, uncounted.
    :param prefix: the first part of the Redis keys (``gptkit:budget:{name}``...).
    :param reservation_ttl: seconds after which the hold of a call whose process died
        expires (default 900); set it above your longest call, streams included.
    :param timeout: the socket timeout, in seconds, of the Redis clients gptkit opens.
    :param reconnect: seconds a reservation keeps trying to reach Redis before the call is
        refused with ``BudgetBackendError``.
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
        timeout: float = 2.0,
        reconnect: float = 5.0,
    ) -> None:
        if not name or not isinstance(name, str):
            raise ValueError("RedisBudget needs a non-empty name= (the budget's identity in Redis)")
        if reservation_ttl <= 0:
            raise ValueError("reservation_ttl must be > 0 seconds")
        self.name = name
        self._limit = to_decimal(usd, "usd")
        self._limit_nanos = str(to_nanos_ceil(self._limit))
        self.allow_unpriced = allow_unpriced
        self._ttl_ms = str(int(reservation_ttl * 1000))
        base = f"{prefix}:budget:{{{name}}}"
        self._keys = [base, f"{base}:holds", f"{base}:amounts"]
        self._redis = RedisConnector(redis, feature="gptkit.RedisBudget", error=BudgetBackendError,
                                     timeout=timeout, reconnect=reconnect)
        self._what = f"the budget {name!r}"
        self._lock = threading.Lock()
        #: The id of the budget's state this process knows, and the highest change count seen.
        self._known = ""
        self._seen = 0
        self._before: Snapshot | None = None  # INFO counters at the first contact
        self._init_log()

    @property
    def limit(self) -> Decimal:
        return self._limit

    @property
    def keys(self) -> tuple[str, ...]:
        """The Redis keys this budget uses."""
        return tuple(self._keys)

    def _op(self, cmd: Cmd) -> Callable[[Conn], Any]:
        if cmd.argv is None:
            return lambda conn: conn.client.info("all")
        keys, argv = self._keys, cmd.argv
        return lambda conn: conn.script(SCRIPT)(keys=keys, args=argv)

    # -- shared steps ---------------------------------------------------------------------------

    def _argv(self, op: str, *args: str) -> list[str]:
        import uuid  # here: ``import gptkit`` must not import uuid (tests/test_import_budget.py)

        return [op, self._known, str(self._seen), uuid.uuid4().hex, *args]

    def _info(self) -> Generator[Cmd, Any, Snapshot | None]:
        try:
            return snapshot_of((yield Cmd(None, patient=False)))
        except BudgetBackendError:  # INFO forbidden, or Redis gone again: no diagnosis
            return None

    def _answered(self, reply: list[Any]) -> Generator[Cmd, Any, list[str]]:
        """Check the budget's identity in a script's answer; refuse a lost state."""
        values = [_text(v) for v in reply]
        status, ident, count = values[0], values[1], int(values[2])
        if status in _LOST:
            cause, what = explain(status, self._before, (yield from self._info()))
            raise BudgetStateLostError(
                f"The budget {self.name!r} in Redis at {self._redis.where()} {what}. Calls are refused "
                "rather than counted from $0 again; nothing was sent. Once Redis is sound, start it again "
                "with budget.reset(spent=<what was really spent>) (docs/costs.md).",
                cause=cause, budget=self.name,
            )
        first = False
        with self._lock:
            if ident and ident != self._known:
                first = not self._known
                if not first:
                    logger.warning("RedisBudget %r was reset; this process follows the new state", self.name)
                self._known, self._seen = ident, count
            self._seen = max(self._seen, count)
        if first:
            self._before = yield from self._info()
            warn_if_unfit(self.name, self._redis.where(), self._before)
        return values

    # -- reserving --------------------------------------------------------------------------

    def _reserving(self, amount: Decimal, model: str | None) -> Generator[Cmd, Any, Reservation]:
        if self._owed:
            yield from self._catch_up_steps()  # this process's spending counts first
        import uuid

        hold = _Hold(amount, model, id=uuid.uuid4().hex)
        hold.under = self._known
        argv = self._argv("reserve", self._limit_nanos, str(to_nanos_ceil(amount)), hold.id, self._ttl_ms,
                          _KEEP_MS)
        try:
            reply = yield Cmd(argv, patient=True)
        except BudgetBackendError as exc:
            hold.closed = True
            if exc.maybe_applied:  # it may have been reserved: release it once Redis answers
                self._owe(Owed(hold.id, 0, self._known, Decimal(0)))
            raise
        values = yield from self._answered(reply)
        hold.under = values[1]
        if values[0] != "ok":
            hold.closed = True
            remaining = self._limit - from_nanos(int(values[3]) + int(values[4]))
            raise refusal(amount, remaining, self._limit, model)
        return hold

    def reserve(self, amount: Decimal, *, model: str | None = None) -> Reservation:
        """Hold ``amount`` dollars for a call, or raise ``BudgetExceededError`` when it does not fit
        (``BudgetBackendError`` / ``BudgetStateLostError`` when Redis cannot say).

        ``model`` names the call's model in the error.
        """
        result: Reservation = self._drive(self._reserving(amount, model))
        return result

    async def areserve(self, amount: Decimal, *, model: str | None = None) -> Reservation:
        result: Reservation = await self._adrive(self._reserving(amount, model))
        return result

    # -- settling: never raises for Redis; what cannot be written is owed -----------------------

    def _owed_for(self, reservation: Reservation, actual: Decimal | None, release: bool) -> Owed | None:
        with self._lock:
            if reservation.closed:
                return None
            reservation.closed = True
        dollars = Decimal(0) if release else reservation.amount if actual is None else actual
        return Owed(reservation.id, to_nanos_ceil(dollars), getattr(reservation, "under", ""), dollars)

    def _settling(self, owed: Owed | None) -> Generator[Cmd, Any, None]:
        if owed is None:
            return
        with self._lock:
            behind = bool(self._owed)
        if behind:  # keep the order: after what is already owed
            self._owe(owed)
            yield from self._catch_up_steps()
            return
        try:
            values = yield from self._answered((yield Cmd(self._settle_argv([owed]), patient=False)))
        except (BudgetBackendError, BudgetStateLostError):
            self._owe(owed)
            return
        assert values[0] == "ok"

    def _settle_argv(self, batch: list[Owed]) -> list[str]:
        argv = self._argv("settle", _KEEP_MS)
        for owed in batch:
            argv += [owed.hold, str(owed.nanos), owed.under]
        return argv

    def settle(self, reservation: Reservation, actual: Decimal | None) -> None:
        """Replace the hold by the call's real cost (None: charge the whole hold, cost unknown).

        ``reservation`` is what ``reserve`` returned; ``actual`` is the call's cost in dollars.
        """
        self._drive(self._settling(self._owed_for(reservation, actual, False)))

    def release(self, reservation: Reservation) -> None:
        """Give the hold of ``reservation`` back in full (the call failed and was not billed)."""
        self._drive(self._settling(self._owed_for(reservation, None, True)))

    async def asettle(self, reservation: Reservation, actual: Decimal | None) -> None:
        await self._adrive(self._settling(self._owed_for(reservation, actual, False)))

    async def arelease(self, reservation: Reservation) -> None:
        await self._adrive(self._settling(self._owed_for(reservation, None, True)))

    # -- reading and resetting ----------------------------------------------------------------

    def _reading(self) -> Generator[Cmd, Any, tuple[Decimal, Decimal]]:
        values = yield from self._answered((yield Cmd(self._argv("read"), patient=True)))
        return from_nanos(int(values[3])), from_nanos(int(values[4]))

    def state(self) -> tuple[Decimal, Decimal]:
        """(spent, reserved) dollars, read from Redis."""
        result: tuple[Decimal, Decimal] = self._drive(self._reading())
        return result

    async def astate(self) -> tuple[Decimal, Decimal]:
        result: tuple[Decimal, Decimal] = await self._adrive(self._reading())
        return result

    @property
    def spent(self) -> Decimal:
        """Dollars spent by finished calls of every process (a sync read from Redis)."""
        return self.state()[0]

    @property
    def remaining(self) -> Decimal:
        spent, reserved = self.state()
        return self._limit - spent - reserved

    def _resetting(self, spent: Decimal) -> Generator[Cmd, Any, None]:
        reply = yield Cmd(self._argv("reset", str(to_nanos_ceil(spent))), patient=True)
        with self._lock:
            self._known, self._seen = _text(reply[1]), int(reply[2])
        if self._before is None:
            self._before = yield from self._info()
        if self._owed:
            yield from self._catch_up_steps()

    def reset(self, *, spent: Decimal | str | float = 0) -> None:
        """Start the budget again everywhere with ``spent`` dollars spent (default 0).

        Running calls keep their holds. Every process adopts the new state at its next call;
        this is also how a budget refused with ``BudgetStateLostError`` is started again (give
        ``spent=`` what was really spent). Settlements this process still owes are added."""
        self._drive(self._resetting(to_decimal(spent, "spent")))

    def __repr__(self) -> str:
        return f"RedisBudget(name={self.name!r}, usd={str(self._limit)!r})"
