"""The number options' ``type=`` converters: a clear one-line error for a bad value."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TypeVar

__all__ = ["count", "positive_float", "positive_int", "temperature"]

N = TypeVar("N", int, float)


def _number(kind: type[N], accepts: Callable[[N], bool], must_be: str) -> Callable[[str], N]:
    """Reads an option's text as ``kind``; refuses a value ``accepts`` does not (NaN included)."""
    what = "a whole number" if kind is int else "a number"

    def convert(text: str) -> N:
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not {what}: {text!r}") from None
        if not accepts(value):
            raise argparse.ArgumentTypeError(f"must be {must_be}: {text!r}")
        return value

    return convert


positive_float = _number(float, lambda value: value > 0, "positive")
positive_int = _number(int, lambda value: value > 0, "1 or more")
count = _number(int, lambda value: value >= 0, "0 or more")
temperature = _number(float, lambda value: 0.0 <= value <= 2.0, "between 0 and 2")
