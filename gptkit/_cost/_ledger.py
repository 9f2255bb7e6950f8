"""The ledger: what a client's calls used and cost, in total, by model and by tag.

One lock guards the counters; it is held for a few additions only (never across I/O), so one
ledger serves any number of threads and asyncio tasks. Each logical call is recorded once, when
it finishes: failed attempts that were retried are not calls, and calls that failed are not
billed.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

from gptkit.types.cost import Cost

__all__ = ["Ledger", "LedgerSnapshot", "LedgerTotals"]

_ZERO = Decimal(0)


class LedgerTotals(BaseModel):
    """Counters for a group of calls.

    ``cost`` sums the calls whose cost is known; ``unpriced_calls`` counts the others (no price
    for the model, or no usage from the server), whose tokens are still counted.
    """

    model_config = ConfigDict(frozen=True, defer_build=True)

    calls: int = 0
    prompt_tokens: int = 0
    cached_tokens: int = 0
    completion_tokens: int = 0
    reasoning_tokens: int = 0
    cost: Decimal = _ZERO
    unpriced_calls: int = 0

    def __add__(self, other: LedgerTotals) -> LedgerTotals:
        return LedgerTotals(**{name: getattr(self, name) + getattr(other, name) for name in _FIELDS})


_FIELDS = tuple(LedgerTotals.model_fields)


class LedgerSnapshot(BaseModel):
    """A consistent copy of a ledger: ``total``, ``by_model[model]`` and ``by_tag[tag][value]``."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    total: LedgerTotals = LedgerTotals()
    by_model: dict[str, LedgerTotals] = {}
    by_tag: dict[str, dict[str, LedgerTotals]] = {}

    def to_json(self, *, indent: int | None = 2) -> str:
        """JSON with amounts as exact decimal strings; ``Ledger.from_json`` reads it back."""
        return self.model_dump_json(indent=indent)

    def to_csv(self) -> str:
        """One row per group (``scope`` is total, model or tag); ``Ledger.from_csv`` reads it back."""
        from gptkit._cost._export import snapshot_to_csv

        return snapshot_to_csv(self)


class _Counter:
    """Mutable counters behind the lock (``LedgerTotals`` is the frozen view)."""

    __slots__ = ("values",)

    def __init__(self) -> None:
        self.values: dict[str, Any] = {name: (_ZERO if name == "cost" else 0) for name in _FIELDS}

    def add(self, totals: LedgerTotals) -> None:
        values = self.values
        for name in _FIELDS:
            values[name] += getattr(totals, name)

    def freeze(self) -> LedgerTotals:
        return LedgerTotals(**self.values)


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
        entry = LedgerTotals(
            calls=1, prompt_tokens=prompt_tokens, cached_tokens=cached_tokens,
            completion_tokens=completion_tokens, reasoning_tokens=reasoning_tokens,
            cost=cost.total if cost is not None else _ZERO, unpriced_calls=0 if cost is not None else 1,
        )
        self._add(entry, model or "", tags or {})

    def _add(self, entry: LedgerTotals, model: str, tags: Mapping[str, str]) -> None:
        with self._lock:
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
        with self._lock:
            cost: Decimal = self._total.values["cost"]
            return cost

    @property
    def calls(self) -> int:
        with self._lock:
            calls: int = self._total.values["calls"]
            return calls

    def snapshot(self) -> LedgerSnapshot:
        """A consistent, immutable copy of every counter."""
        with self._lock:
            return self._snapshot_unlocked()

    def reset(self) -> LedgerSnapshot:
        """Zero every counter; returns what they held, atomically."""
        with self._lock:
            before = self._snapshot_unlocked()
            self._total = _Counter()
            self._by_model = {}
            self._by_tag = {}
            return before

    def _snapshot_unlocked(self) -> LedgerSnapshot:
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
            self._total.add(snap.total)
            for name, totals in snap.by_model.items():
                self._by_model.setdefault(name, _Counter()).add(totals)
            for key, values in snap.by_tag.items():
                for value, totals in values.items():
                    self._by_tag.setdefault((key, value), _Counter()).add(totals)

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
        with self._lock:
            values = self._total.values
            return f"<Ledger calls={values['calls']} cost={values['cost']}>"
