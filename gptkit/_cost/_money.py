"""Exact money: turning user input into ``Decimal`` dollars, and dollars into Redis integers."""

from __future__ import annotations

from decimal import ROUND_CEILING, Decimal, InvalidOperation

__all__ = ["NANOS_PER_USD", "from_nanos", "to_decimal", "to_nanos_ceil"]

#: Redis stores money as integer nano-dollars: exact for every per-token price in use today and,
#: at 2**53 (the precision of Lua's numbers), good for budgets of up to $9 million.
NANOS_PER_USD = 10**9


def to_decimal(value: object, what: str) -> Decimal:
    """``value`` as a finite, non-negative ``Decimal``.

    Accepts ``Decimal``, ``int``, ``str`` and ``float``; a float is read through its shortest
    ``repr`` (``2.5`` -> ``Decimal("2.5")``), so it means what the user typed, never the binary
    approximation.
    """
    if isinstance(value, bool):
        raise TypeError(f"{what} must be a number of dollars, not a bool")
    try:
        if isinstance(value, Decimal):
            result = value
        elif isinstance(value, int):
            result = Decimal(value)
        elif isinstance(value, float):
            result = Decimal(repr(value))
        elif isinstance(value, str):
            result = Decimal(value.strip())
        else:
            raise TypeError(f"{what} must be a Decimal, str, int or float, not {type(value).__name__}")
    except InvalidOperation:
        raise ValueError(f"{what} is not a number: {value!r}") from None
    if not result.is_finite() or result < 0:
        raise ValueError(f"{what} must be a finite amount >= 0, got {value!r}")
    return result


def to_nanos_ceil(amount: Decimal) -> int:
    """Whole nano-dollars, rounded up (a budget may overstate spending, never understate it)."""
    return int((amount * NANOS_PER_USD).to_integral_value(rounding=ROUND_CEILING))


def from_nanos(nanos: int) -> Decimal:
    return Decimal(nanos) / NANOS_PER_USD
