"""A call's cost, priced when something first reads it: keeps the price database off the first call.

Loading genai-prices (its data, and the second HTTP stack it imports for price updates) takes
tens of milliseconds and several MB: most of what a short program's first call would pay on top
of the call itself. So until the database is loaded, a call that no budget needs to settle
records a ``PendingCost``: the few values its price depends on (model, token counts, service
tier, the time of the call). ``response.cost``, the ledger's totals and snapshots, and the events
that carry a cost resolve it, once, with exactly what pricing it at the call would have given.
Once the database is loaded (by a read, a budget, ``gptkit.price_of``...), calls are priced at
once again, through the price cache (microseconds).
"""

from __future__ import annotations

import sys
import threading
from datetime import datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gptkit._cost._prices import PriceTable
    from gptkit.types.cost import Cost

__all__ = ["PendingCost", "database_loaded"]

_UNRESOLVED: Any = object()


def database_loaded() -> bool:
    """Whether pricing from the database is cheap now: genai-prices was imported (or failed to)."""
    database = sys.modules.get("gptkit._cost._database")
    return database is not None and (database._module is not None or database._import_failed)


def _same(cost: Cost | None) -> Cost | None:
    return cost


class PendingCost:
    """What one call cost, computed on first ``value()`` from the values captured at the call."""

    __slots__ = ("_args", "_lock", "_table", "_value")

    def __init__(self, table: PriceTable, model: str, when: datetime, kwargs: dict[str, Any]) -> None:
        self._table = table
        self._args = (model, when, kwargs)
        self._value: Cost | None = _UNRESOLVED
        self._lock = threading.Lock()

    def value(self) -> Cost | None:
        """The cost (None: no price known, with the table's one warning per model)."""
        value = self._value
        if value is _UNRESOLVED:
            with self._lock:
                if self._value is _UNRESOLVED:
                    model, when, kwargs = self._args
                    self._value = self._table.cost(model, when=when, **kwargs)
                    self._args = None  # type: ignore[assignment]
                value = self._value
        return value

    # A response holding one can be copied, pickled and compared as if it held the cost itself.
    def __reduce__(self) -> tuple[Any, ...]:
        return (_same, (self.value(),))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, PendingCost):
            other = other.value()
        return bool(self.value() == other)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"PendingCost({self.value()!r})"
