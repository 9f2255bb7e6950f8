"""Budgets: reserve a call's worst-case cost before it is sent, settle with its real cost after.

The check and the reservation are one atomic step, so any number of concurrent calls can never
spend more than the limit together: a call whose worst case does not fit what is left (limit,
minus what was spent, minus what running calls hold) is refused before anything is sent.
"""

from __future__ import annotations

import itertools
import threading
from decimal import Decimal
from typing import Protocol, runtime_checkable

from gptkit._cost._money import to_decimal
from gptkit._exceptions import BudgetExceededError

__all__ = ["Budget", "BudgetBackend", "Reservation", "refusal"]

_ZERO = Decimal(0)
_ids = itertools.count(1)


class Reservation:
    """Money held for one running call; settled or released exactly once."""

    __slots__ = ("amount", "closed", "id", "model")
    amount: Decimal
    model: str | None
    id: str
    closed: bool

    def __init__(self, amount: Decimal, model: str | None, id: str | None = None) -> None:
        self.amount = amount
        self.model = model
        self.id = id or str(next(_ids))
        self.closed = False

    def __repr__(self) -> str:
        state = "closed" if self.closed else "open"
        return f"<Reservation {self.id} ${self.amount} {state}>"


@runtime_checkable
class BudgetBackend(Protocol):
    """What a client needs from a budget (``Budget`` and ``RedisBudget`` implement it)."""

    allow_unpriced: bool
    #: True when settling does no I/O, so it may run inside the sync finishing step.
    local: bool

    def reserve(self, amount: Decimal, *, model: str | None = None) -> Reservation: ...
    def settle(self, reservation: Reservation, actual: Decimal | None) -> None: ...
    def release(self, reservation: Reservation) -> None: ...
    async def areserve(self, amount: Decimal, *, model: str | None = None) -> Reservation: ...
    async def asettle(self, reservation: Reservation, actual: Decimal | None) -> None: ...
    async def arelease(self, reservation: Reservation) -> None: ...


def refusal(amount: Decimal, remaining: Decimal, limit: Decimal, model: str | None) -> BudgetExceededError:
    what = f" to {model}" if model else ""
    return BudgetExceededError(
        f"Budget exceeded: the call{what} may cost up to ${amount}, but only ${max(remaining, _ZERO)} "
        f"of the ${limit} budget is left. Nothing was sent. (Set max_completion_tokens to reserve less.)",
        needed=amount, remaining=remaining, limit=limit, model=model,
    )


class Budget:
    """A spending limit in US dollars for one process: ``Budget(usd="5.00")``.

    Give it to one client (``Client(budget=...)``) or share it between several clients, sync
    and async alike. Each call reserves its worst-case cost before it is sent and is refused
    with ``BudgetExceededError`` when that does not fit; when it finishes, the reservation is
    replaced by what the call really cost (or released in full when the call failed).

    A call to a model with no known price cannot be bounded: it is refused with
    ``UnknownPriceError`` unless ``allow_unpriced=True``, which lets it through uncounted.
    For several processes or machines, use ``RedisBudget``.

    :param usd: the limit in US dollars (a ``Decimal``, or a string or number read as written).
    :param allow_unpriced: let calls to models with no known price through, uncounted, instead
        of refusing them with ``UnknownPriceError``.
    """

    local = True

    def __init__(self, usd: Decimal | str | float, *, allow_unpriced: bool = False) -> None:
        self._limit = to_decimal(usd, "usd")
        self.allow_unpriced = allow_unpriced
        self._lock = threading.Lock()
        self._spent = _ZERO
        self._reserved = _ZERO

    @property
    def limit(self) -> Decimal:
        return self._limit

    @property
    def spent(self) -> Decimal:
        """Dollars spent by finished calls."""
        with self._lock:
            return self._spent

    @property
    def reserved(self) -> Decimal:
        """Dollars held by running calls."""
        with self._lock:
            return self._reserved

    @property
    def remaining(self) -> Decimal:
        """Dollars a new call may still reserve."""
        with self._lock:
            return self._limit - self._spent - self._reserved

    def reserve(self, amount: Decimal, *, model: str | None = None) -> Reservation:
        """Hold ``amount`` dollars for a call, or raise ``BudgetExceededError`` when it does not fit.

        ``model`` names the call's model in the error. A client does this for every call; call
        it yourself to bound work done outside gptkit.
        """
        with self._lock:
            remaining = self._limit - self._spent - self._reserved
            if amount > remaining:
                raise refusal(amount, remaining, self._limit, model)
            self._reserved += amount
        return Reservation(amount, model)

    def settle(self, reservation: Reservation, actual: Decimal | None) -> None:
        """Replace the hold by the call's real cost (None: charge the whole hold, cost unknown).

        ``reservation`` is what ``reserve`` returned; ``actual`` is the call's cost in dollars.
        """
        with self._lock:
            if reservation.closed:
                return
            reservation.closed = True
            self._reserved -= reservation.amount
            self._spent += reservation.amount if actual is None else actual

    def release(self, reservation: Reservation) -> None:
        """Give the hold of ``reservation`` back in full (the call failed and was not billed)."""
        with self._lock:
            if reservation.closed:
                return
            reservation.closed = True
            self._reserved -= reservation.amount

    def reset(self) -> None:
        """Forget what was spent (running calls keep their holds)."""
        with self._lock:
            self._spent = _ZERO

    async def areserve(self, amount: Decimal, *, model: str | None = None) -> Reservation:
        return self.reserve(amount, model=model)

    async def asettle(self, reservation: Reservation, actual: Decimal | None) -> None:
        self.settle(reservation, actual)

    async def arelease(self, reservation: Reservation) -> None:
        self.release(reservation)

    def __repr__(self) -> str:
        return f"Budget(usd={str(self._limit)!r}, spent={str(self.spent)!r})"
