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
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gptkit._cost._prices import PriceTable
    from gptkit.types.cost import Cost

__all__ = ["PRICING_KEYS", "PendingCost", "database_loaded"]

#: The keyword arguments of ``PriceTable.cost`` a call is priced with, in the order a
#: ``PendingCost`` keeps their values (a tuple: a pending call holds a few hundred bytes).
PRICING_KEYS = ("prompt_tokens", "completion_tokens", "cached_tokens", "reasoning_tokens", "provider",
                "api_url", "service_tier", "estimated", "aliases")
_UNRESOLVED: Any = object()
#: Pricing a pending cost is rare (once per call at most): one lock for all of them.
_LOCK = threading.Lock()


def database_loaded() -> bool:
    """Whether pricing from the database is cheap now: genai-prices was imported (or failed to)."""
    database = sys.modules.get("gptkit._cost._database")
    return database is not None and (database._module is not None or database._import_failed)


def _same(cost: Cost | None) -> Cost | None:
    return cost


class PendingCost:
    """What one call cost, computed on first ``value()`` from the values captured at the call."""

    __slots__ = ("_args", "_table", "_value")

    def __init__(self, table: PriceTable, model: str, wall: float, values: tuple[Any, ...]) -> None:
        self._table = table
        #: The model, the call's wall-clock time (date-dependent prices) and ``PRICING_KEYS``' values.
        self._args: tuple[Any, ...] | None = (model, wall, *values)
        self._value: Cost | None = _UNRESOLVED

    def value(self) -> Cost | None:
        """The cost (None: no price known, with the table's one warning per model)."""
        if self._value is _UNRESOLVED:
            with _LOCK:
                args = self._args
                if args is not None:
                    model, wall, *values = args
                    when = datetime.fromtimestamp(wall, tz=timezone.utc)
                    kwargs = dict(zip(PRICING_KEYS, values, strict=True))
                    self._value = self._table.cost(model, when=when, **kwargs)
                    self._args = None
        return self._value

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
