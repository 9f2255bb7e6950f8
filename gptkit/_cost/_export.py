"""Ledger snapshots as CSV and back (JSON is pydantic's own ``model_dump_json``)."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

from gptkit._cost._ledger_models import LedgerSnapshot, LedgerTotals

__all__ = ["CSV_COLUMNS", "snapshot_from_csv", "snapshot_to_csv"]

_NUMBERS = tuple(LedgerTotals.model_fields)
#: ``scope`` is ``total``, ``model`` or ``tag``; ``name`` is the model or the tag's key;
#: ``value`` is the tag's value.
CSV_COLUMNS = ("scope", "name", "value", *_NUMBERS)


def _row(scope: str, name: str, value: str, totals: LedgerTotals) -> list[str]:
    return [scope, name, value, *(str(getattr(totals, field)) for field in _NUMBERS)]


def snapshot_to_csv(snapshot: LedgerSnapshot) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerow(_row("total", "", "", snapshot.total))
    for model, totals in snapshot.by_model.items():
        writer.writerow(_row("model", model, "", totals))
    for key, values in snapshot.by_tag.items():
        for value, totals in values.items():
            writer.writerow(_row("tag", key, value, totals))
    return out.getvalue()


def snapshot_from_csv(text: str) -> LedgerSnapshot:
    """Read ``snapshot_to_csv``'s output; raises ValueError on anything else."""
    reader = csv.DictReader(io.StringIO(text))
    if tuple(reader.fieldnames or ()) != CSV_COLUMNS:
        raise ValueError(f"not a gptkit ledger CSV: expected columns {', '.join(CSV_COLUMNS)}")
    total = LedgerTotals()
    by_model: dict[str, LedgerTotals] = {}
    by_tag: dict[str, dict[str, LedgerTotals]] = {}
    for line, row in enumerate(reader, start=2):
        try:
            totals = LedgerTotals(**{
                field: Decimal(row[field]) if field == "cost" else int(row[field]) for field in _NUMBERS
            })
        except (ArithmeticError, ValueError, TypeError) as exc:
            raise ValueError(f"ledger CSV line {line}: {exc}") from None
        scope = row["scope"]
        if scope == "total":
            total = totals
        elif scope == "model":
            by_model[row["name"]] = totals
        elif scope == "tag":
            by_tag.setdefault(row["name"], {})[row["value"]] = totals
        else:
            raise ValueError(f"ledger CSV line {line}: unknown scope {scope!r}")
    return LedgerSnapshot(total=total, by_model=by_model, by_tag=by_tag)
