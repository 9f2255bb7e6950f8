"""What a ``RedisBudget`` owes Redis: settlements it could not write yet, and the drivers.

A settlement (or release) that cannot reach Redis is *owed*: appended here, in order, and
written, oldest first and exactly once (the script recognises a hold it already settled), by
the next call that reaches Redis, by a background thread that tries every second or two while
anything is owed (when a sync client is available), and by ``flush()`` / ``close()``. A budget
that owes is kept alive by the module's registry; at exit each writes what it can and reports
the rest on stderr, with the amount and the command to add it by hand.

The budget's operations are generators of ``Cmd``; ``_drive`` runs them blocking, ``_adrive``
awaits them, both through the connector's typed, reconnecting doors.
"""

from __future__ import annotations

import atexit
import logging
import threading
from collections.abc import Callable, Generator
from decimal import Decimal
from typing import Any, NamedTuple

from gptkit._cost._budget_health import report_unwritten
from gptkit._drive import adrive, drive
from gptkit._exceptions import BudgetBackendError, BudgetStateLostError
from gptkit._redis import Conn, RedisConnector

__all__ = ["Cmd", "Owed", "SettlementLog"]

logger = logging.getLogger("gptkit")

#: Settlements written per script call when catching up after an outage.
_BATCH = 200


class Cmd(NamedTuple):
    """One command for a driver to run: the budget script (``argv``) or ``INFO``."""

    argv: list[str] | None
    patient: bool


class Owed:
    """A settlement (or release: ``nanos`` 0) not yet written to Redis."""

    __slots__ = ("dollars", "hold", "nanos", "under")

    def __init__(self, hold: str, nanos: int, under: str, dollars: Decimal) -> None:
        self.hold, self.nanos, self.under, self.dollars = hold, nanos, under, dollars


class SettlementLog:
    """The drivers and the owed settlements of a ``RedisBudget`` (its base class)."""

    name: str
    _redis: RedisConnector
    _what: str
    _keys: list[str]
    _lock: threading.Lock

    def _init_log(self) -> None:
        self._owed: list[Owed] = []
        self._flushing = threading.Lock()
        self._flusher: threading.Thread | None = None
        self._closed = threading.Event()

    def _op(self, cmd: Cmd) -> Callable[[Conn], Any]:
        raise NotImplementedError

    def _answered(self, reply: list[Any]) -> Generator[Cmd, Any, list[str]]:
        raise NotImplementedError

    def _settle_argv(self, batch: list[Owed]) -> list[str]:
        raise NotImplementedError

    @property
    def unsettled(self) -> Decimal:
        """Dollars spent by this process's calls whose settlement has not reached Redis yet
        (Redis was unreachable); written as soon as it answers."""
        with self._lock:
            return sum((owed.dollars for owed in self._owed), Decimal(0))

    # -- the drivers ----------------------------------------------------------------------------

    def _drive(self, steps: Generator[Cmd, Any, Any]) -> Any:
        return drive(steps, lambda cmd: self._redis.run(self._what, self._op(cmd), patient=cmd.patient))

    async def _adrive(self, steps: Generator[Cmd, Any, Any]) -> Any:
        redis = self._redis
        return await adrive(steps, lambda cmd: redis.arun(self._what, self._op(cmd), patient=cmd.patient))

    # -- what is owed -------------------------------------------------------------------------

    def _owe(self, owed: Owed) -> None:
        with self._lock:
            self._owed.append(owed)
            start = self._flusher is None and self._redis.has_sync and not self._closed.is_set()
            if start:
                self._flusher = threading.Thread(target=self._catch_up, name=f"gptkit-budget-{self.name}",
                                                 daemon=True)
        with _owing_lock:
            _owing.add(self)  # kept alive until it has written what it owes, or reported it at exit
        if start:
            assert self._flusher is not None
            self._flusher.start()

    def _paid_up(self) -> None:
        with self._lock:
            if self._owed:
                return
        with _owing_lock:
            _owing.discard(self)

    def _catch_up(self) -> None:
        """The background writer of what is owed: tries every second or so until Redis answers."""
        pause = 0.25
        while not self._closed.wait(pause):
            try:
                self._try_flush()
            except Exception:  # never let the writer die with money owed
                logger.exception("RedisBudget %r: writing owed settlements failed", self.name)
            with self._lock:
                if not self._owed:
                    self._flusher = None
                    return
            pause = min(pause * 2, 2.0)
        with self._lock:
            self._flusher = None

    def _flush_steps(self, *, patient: bool) -> Generator[Cmd, Any, int]:
        """Write what is owed, oldest first; returns how many remain owed (the caller holds
        ``_flushing``: one writer at a time, so each settlement is sent once)."""
        while True:
            with self._lock:
                batch = self._owed[:_BATCH]
            if not batch:
                self._paid_up()
                return 0
            try:
                yield from self._answered((yield Cmd(self._settle_argv(batch), patient=patient)))
            except (BudgetBackendError, BudgetStateLostError) as exc:
                logger.debug("RedisBudget %r: %d settlement(s) still owed: %s", self.name,
                             len(self._owed), exc)
                return len(self._owed)
            with self._lock:
                del self._owed[: len(batch)]
            logger.info("RedisBudget %r: wrote %d settlement(s) owed since Redis was unreachable",
                        self.name, len(batch))

    def _catch_up_steps(self) -> Generator[Cmd, Any, int]:
        """One quick attempt (inside another operation, or the background writer's), unless
        another writer is at it: it takes what we added."""
        if not self._flushing.acquire(blocking=False):
            return len(self._owed)
        try:
            return (yield from self._flush_steps(patient=False))
        finally:
            self._flushing.release()

    def _try_flush(self) -> None:
        self._drive(self._catch_up_steps())

    def _writer_wait(self) -> float:
        # The background writer's attempt is one command without retries: a connect and an
        # answer, each bounded by the connector's timeout.
        return 2 * self._redis.timeout + 1.0

    def flush(self) -> int:
        """Write the settlements kept while Redis was unreachable (riding over a failover for
        ``reconnect`` seconds); returns how many are still owed. Also runs on ``close()``.

        If the background writer is trying at that moment, this waits for its attempt to end
        first (a close right after Redis came back must not leave what it could write).
        """
        if not self._owed:
            return 0
        if not self._flushing.acquire(timeout=self._writer_wait()):
            return len(self._owed)  # pragma: no cover - the writer's attempt is bounded
        try:
            remaining: int = self._drive(self._flush_steps(patient=True))
        finally:
            self._flushing.release()
        return remaining

    async def aflush(self) -> int:
        if not self._owed:
            return 0
        import anyio

        waited, step = 0.0, 0.01
        while not self._flushing.acquire(blocking=False):  # never block the event loop on it
            if waited >= self._writer_wait():
                return len(self._owed)  # pragma: no cover - the writer's attempt is bounded
            await anyio.sleep(step)  # real time: the writer is a real thread
            waited += step
        try:
            remaining: int = await self._adrive(self._flush_steps(patient=True))
        finally:
            self._flushing.release()
        return remaining

    def close(self) -> None:
        """Write what is owed, then close the connections gptkit opened (they reopen on use)."""
        if self.flush():
            logger.warning("RedisBudget %r: closing with %d settlement(s) still owed ($%s)", self.name,
                           len(self._owed), self.unsettled)
        self._redis.close()

    async def aclose(self) -> None:
        if await self.aflush():
            logger.warning("RedisBudget %r: closing with %d settlement(s) still owed ($%s)", self.name,
                           len(self._owed), self.unsettled)
        await self._redis.aclose()

    def _at_exit(self) -> None:
        self._closed.set()
        if self._owed and self._redis.has_sync:
            self._try_flush()
        with self._lock:
            owed = list(self._owed)
        if owed:
            nanos = sum(o.nanos for o in owed)
            report_unwritten(self.name, self._redis.where(), self._keys[0], len(owed),
                             sum((o.dollars for o in owed), Decimal(0)), nanos)


#: Budgets that owe settlements: at exit, each writes what it can and reports the rest.
_owing: set[SettlementLog] = set()
_owing_lock = threading.Lock()


@atexit.register
def _report_at_exit() -> None:
    with _owing_lock:
        budgets = list(_owing)
    for budget in budgets:
        try:
            budget._at_exit()
        except Exception:  # noqa: PERF203 - the report must reach every budget
            logger.exception("RedisBudget %r: the exit report failed", budget.name)
