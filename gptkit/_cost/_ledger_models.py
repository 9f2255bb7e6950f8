"""The ledger's frozen views: ``LedgerTotals`` and ``LedgerSnapshot`` (pydantic models).

Apart from ``_ledger`` so that ``import gptkit`` and recording a call build no pydantic model:
they load when a snapshot is first taken (``tests/test_import_budget.py``).
"""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar

from pydantic import BaseModel, ConfigDict

__all__ = ["LedgerSnapshot", "LedgerTotals"]

_ZERO = Decimal(0)


class LedgerTotals(BaseModel):
    """Counters for a group of calls.

    ``cost`` sums the calls whose cost is known; ``unpriced_calls`` counts the others (no price
    for the model, or no usage from the server), whose tokens are still counted.
    """

    model_config: ClassVar[ConfigDict] = ConfigDict(frozen=True, defer_build=True)

    calls: int = 0
    prompt_tokens: int = 0
    cached_tokens: int = 0
    completion_tokens: int = 0
    reasoning_tokens: int = 0
    cost: Decimal = _ZERO
    unpriced_calls: int = 0

    def __add__(self, other: LedgerTotals) -> LedgerTotals:
        return LedgerTotals(**{name: getattr(self, name) + getattr(other, name) for name in _FIELDS})


#: The counters, in order (``_ledger.FIELDS`` is the same tuple, checked by a test).
_FIELDS = tuple(LedgerTotals.model_fields)


class LedgerSnapshot(BaseModel):
    """A consistent copy of a ledger: ``total``, ``by_model[model]`` and ``by_tag[tag][value]``."""

    model_config: ClassVar[ConfigDict] = ConfigDict(frozen=True, defer_build=True)

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
