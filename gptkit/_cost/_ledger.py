"""The ledger: what a client's calls used and cost, in total, by model and by tag.

One lock guards the counters; it is held for a few additions only (never across I/O), so one
ledger serves any number of threads and asyncio tasks. Each logical call is recorded once, when
it finishes: failed attempts that were retried are not calls, and calls that failed are not
billed.

A call's cost may be priced when something first reads it (``PendingCost``): it keeps the price
database off the first call. Loading genai-prices (its data, and the second HTTP stack it imports
for price updates) takes tens of milliseconds and several MB: most of what a short program's first
call would pay on top of the call itself. So until the database is loaded, a call that no budget
needs to settle records the few values its price depends on (model, token counts, service tier,
the time of the call). ``response.cost``, the ledger's totals and snapshots, and the events that
carry a cost resolve it, once, with exactly what pricing it at the call would have given. Once the
database is loaded (by a read, a budget, ``gptkit.price_of``...), calls are priced at once again,
through the price cache (microseconds).
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Mapping, Sequence
from datetime import datetime, timezone
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gptkit._cost._ledger_models import LedgerSnapshot, LedgerTotals
    from gptkit._cost._prices import PriceTable
    from gptkit.types.cost import Cost

__all__ = ["FIELDS", "PRICING_KEYS", "Ledger", "PendingCost", "database_loaded"]

# -- a call's cost, priced when first read -------------------------------------------------------

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
    # Another thread may be importing it right now: a module still being initialised has no
    # ``_module`` yet, and counts as not loaded (the caller then imports it, waiting its turn).
    return database is not None and (
        getattr(database, "_module", None) is not None or getattr(database, "_import_failed", False)
    )


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


# -- the ledger ----------------------------------------------------------------------------------

_ZERO = Decimal(0)
#: ``LedgerTotals``' fields, in order: the counters (written out so that recording a call needs no
#: pydantic model; ``tests/test_perf_guards.py`` checks it matches the model).
FIELDS = ("calls", "prompt_tokens", "cached_tokens", "completion_tokens", "reasoning_tokens", "cost",
          "unpriced_calls")
_CALLS, _COST = FIELDS.index("calls"), FIELDS.index("cost")
#: At most this many calls wait to be priced (``PendingCost``), then they are priced together:
#: their records (a few hundred bytes each) would otherwise outweigh the price database (~10 MB).
MAX_PENDING = 10_000


class _Counter:
    """Mutable counters behind the lock, in ``FIELDS`` order (``LedgerTotals`` is the frozen view)."""

    __slots__ = ("values",)

    def __init__(self) -> None:
        self.values: list[Any] = [0, 0, 0, 0, 0, _ZERO, 0]

    def add(self, entry: Sequence[Any]) -> None:
        values = self.values
        for index, value in enumerate(entry):
            values[index] += value

    def freeze(self) -> LedgerTotals:
        from gptkit._cost._ledger_models import LedgerTotals

        return LedgerTotals(**dict(zip(FIELDS, self.values, strict=True)))


def _entry(totals: LedgerTotals) -> tuple[Any, ...]:
    return tuple(getattr(totals, name) for name in FIELDS)


class Ledger:
    """Calls, tokens and money of every call made through a client (and its copies).

    Every client has one (``client.ledger``); pass ``ledger=`` to share one between clients, and
    ``with_options(ledger=Ledger())`` to give a copy its own. Thread- and task-safe.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._total = _Counter()
        self._by_model: dict[str, _Counter] = {}
        self._by_tag: dict[tuple[str, str], _Counter] = {}
        #: Calls counted whose cost is priced when something reads the money (``PendingCost``).
        self._pending: list[tuple[PendingCost, str, Mapping[str, str]]] = []
        #: Held while pending costs are priced, so that a reader never sees them half added.
        self._pricing = threading.Lock()

    def record(
        self,
        *,
        model: str | None,
        tags: Mapping[str, str] | None = None,
        prompt_tokens: int = 0,
        cached_tokens: int = 0,
        completion_tokens: int = 0,
        reasoning_tokens: int = 0,
        cost: Cost | None = None,
    ) -> None:
        """Count one finished call (gptkit does this for you; public for calls made elsewhere)."""
        # gptkit's own calls may pass a ``PendingCost`` (priced when the money is first read).
        pending: PendingCost | None = cost if isinstance(cost, PendingCost) else None
        if pending is not None:
            amount, unpriced = _ZERO, 0  # its money is added when first read (``_price_pending``)
        else:
            amount = cost.total if cost is not None else _ZERO
            unpriced = 0 if cost is not None else 1
        entry: tuple[Any, ...] = (1, prompt_tokens, cached_tokens, completion_tokens, reasoning_tokens,
                                  amount, unpriced)
        # perf: plain ints and a Decimal (what gptkit passes) need no checking; anything else goes
        # through ``LedgerTotals`` as it always did (coerced, or refused before any counter moves).
        if not (type(prompt_tokens) is type(cached_tokens) is type(completion_tokens)
                is type(reasoning_tokens) is int and type(amount) is Decimal):
            from gptkit._cost._ledger_models import LedgerTotals

            entry = _entry(LedgerTotals(**dict(zip(FIELDS, entry, strict=True))))
        tags = tags or {}
        self._add(entry, model or "", tags, pending)
        if pending is not None and len(self._pending) >= MAX_PENDING:
            self._price_pending()

    def _add(self, entry: tuple[Any, ...], model: str, tags: Mapping[str, str],
             pending: PendingCost | None = None) -> None:
        with self._lock:
            self._add_unlocked(entry, model, tags)
            if pending is not None:
                self._pending.append((pending, model, tags))

    def _price_pending(self) -> None:
        """Add the money of the calls recorded with a ``PendingCost`` (pricing them if need be)."""
        if not self._pending:
            with self._pricing:  # another thread may be adding them: wait until it is done
                return
        with self._pricing:
            with self._lock:
                pending, self._pending = self._pending, []
            # Outside the counters' lock: the first price may import the price database.
            priced = [(cost.value(), model, tags) for cost, model, tags in pending]
            with self._lock:
                for cost, model, tags in priced:
                    self._add_unlocked((0, 0, 0, 0, 0, _ZERO if cost is None else cost.total,
                                        1 if cost is None else 0), model, tags)

    def _add_unlocked(self, entry: tuple[Any, ...], model: str, tags: Mapping[str, str]) -> None:
        self._total.add(entry)
        counter = self._by_model.get(model)
        if counter is None:
            counter = self._by_model[model] = _Counter()
        counter.add(entry)
        for key, value in tags.items():
            tag = (str(key), str(value))
            counter = self._by_tag.get(tag)
            if counter is None:
                counter = self._by_tag[tag] = _Counter()
            counter.add(entry)

    @property
    def total_cost(self) -> Decimal:
        """Dollars spent by every priced call so far."""
        self._price_pending()
        with self._lock:
            cost: Decimal = self._total.values[_COST]
            return cost

    @property
    def calls(self) -> int:
        with self._lock:
            calls: int = self._total.values[_CALLS]
            return calls

    def snapshot(self) -> LedgerSnapshot:
        """A consistent, immutable copy of every counter."""
        while True:
            self._price_pending()
            with self._lock:
                if not self._pending:  # else a call was recorded meanwhile: price it too
                    return self._snapshot_unlocked()

    def reset(self) -> LedgerSnapshot:
        """Zero every counter; returns what they held, atomically."""
        while True:
            self._price_pending()
            with self._lock:
                if self._pending:
                    continue  # a call was recorded meanwhile: price it before zeroing
                before = self._snapshot_unlocked()
                self._total = _Counter()
                self._by_model = {}
                self._by_tag = {}
                return before

    def _snapshot_unlocked(self) -> LedgerSnapshot:
        from gptkit._cost._ledger_models import LedgerSnapshot

        by_tag: dict[str, dict[str, LedgerTotals]] = {}
        for (key, value), counter in sorted(self._by_tag.items()):
            by_tag.setdefault(key, {})[value] = counter.freeze()
        return LedgerSnapshot(
            total=self._total.freeze(),
            by_model={name: c.freeze() for name, c in sorted(self._by_model.items())},
            by_tag=by_tag,
        )

    def merge(self, other: Ledger | LedgerSnapshot) -> None:
        """Add another ledger's (or a saved snapshot's) counters to this one, e.g. after a restart."""
        snap = other.snapshot() if isinstance(other, Ledger) else other
        with self._lock:
            self._total.add(_entry(snap.total))
            for name, totals in snap.by_model.items():
                self._by_model.setdefault(name, _Counter()).add(_entry(totals))
            for key, values in snap.by_tag.items():
                for value, totals in values.items():
                    self._by_tag.setdefault((key, value), _Counter()).add(_entry(totals))

    # -- export and load --------------------------------------------------------------------

    def to_json(self, *, indent: int | None = 2) -> str:
        return self.snapshot().to_json(indent=indent)

    def to_csv(self) -> str:
        return self.snapshot().to_csv()

    def export(self, path: str | Path) -> None:
        """Write the snapshot to ``path``: CSV when it ends in ``.csv``, JSON otherwise."""
        target = Path(path)
        text = self.to_csv() if target.suffix.lower() == ".csv" else self.to_json()
        target.write_text(text, encoding="utf-8", newline="")

    @classmethod
    def from_snapshot(cls, snapshot: LedgerSnapshot) -> Ledger:
        ledger = cls()
        ledger.merge(snapshot)
        return ledger

    @classmethod
    def from_json(cls, text: str | bytes) -> Ledger:
        from gptkit._cost._ledger_models import LedgerSnapshot

        return cls.from_snapshot(LedgerSnapshot.model_validate_json(text))

    @classmethod
    def from_csv(cls, text: str) -> Ledger:
        from gptkit._cost._export import snapshot_from_csv

        return cls.from_snapshot(snapshot_from_csv(text))

    @classmethod
    def load(cls, path: str | Path) -> Ledger:
        """Read a file written by ``export`` (CSV or JSON, by its suffix)."""
        source = Path(path)
        text = source.read_text(encoding="utf-8")
        return cls.from_csv(text) if source.suffix.lower() == ".csv" else cls.from_json(text)

    def __repr__(self) -> str:
        self._price_pending()
        with self._lock:
            values = self._total.values
            return f"<Ledger calls={values[_CALLS]} cost={values[_COST]}>"
