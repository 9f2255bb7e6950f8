"""Terminal output: optional colour, money, token counts and plain-text tables.

Colour is plain ANSI, used only when the stream is a terminal, ``NO_COLOR`` is unset (or empty)
and ``TERM`` is not ``dumb``. Nothing here depends on a third-party package.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from decimal import Decimal
from typing import TextIO

__all__ = ["Style", "money", "rate", "table", "use_color"]

_CODES = {"bold": "1", "dim": "2", "red": "31", "green": "32", "yellow": "33", "blue": "34",
          "magenta": "35", "cyan": "36"}


def use_color(stream: TextIO) -> bool:
    """Whether ANSI colour suits ``stream`` (https://no-color.org: any non-empty NO_COLOR disables)."""
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except ValueError:  # a closed stream
        return False


class Style:
    """Wraps text in ANSI codes, or leaves it alone when colour is off.

    ``readline=True`` brackets the codes with \\001/\\002 so readline does not count them as
    characters of a prompt (otherwise line editing misplaces the cursor).
    """

    def __init__(self, enabled: bool, *, readline: bool = False, unicode: bool = True) -> None:
        self.enabled = enabled
        self._open, self._close = ("\001", "\002") if readline else ("", "")
        #: Whether box-drawing and symbol characters can be written (else ASCII stand-ins).
        self.unicode = unicode

    @classmethod
    def for_stream(cls, stream: TextIO, *, readline: bool = False) -> Style:
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        return cls(use_color(stream), readline=readline, unicode=encoding.startswith("utf"))

    def arrow(self) -> str:
        """The mark after a speaker's name: a right-pointing angle quote, or ``>`` in ASCII."""
        return self.sym("\u203a ", "> ")

    def sym(self, fancy: str, plain: str) -> str:
        """``fancy`` when the stream takes Unicode, else ``plain``."""
        return fancy if self.unicode else plain

    def paint(self, text: str, *styles: str) -> str:
        if not self.enabled or not styles:
            return text
        codes = ";".join(_CODES[s] for s in styles)
        return f"{self._open}\033[{codes}m{self._close}{text}{self._open}\033[0m{self._close}"

    def bold(self, text: str) -> str:
        return self.paint(text, "bold")

    def dim(self, text: str) -> str:
        return self.paint(text, "dim")

    def ok(self, text: str) -> str:
        return self.paint(text, "green")

    def bad(self, text: str) -> str:
        return self.paint(text, "red")

    def warn(self, text: str) -> str:
        return self.paint(text, "yellow")


def money(amount: Decimal | None) -> str:
    """Exact dollars, without trailing zeros: ``$0.0000375``, ``$2.5``; ``n/a`` for unknown."""
    if amount is None:
        return "n/a"
    if amount == 0:
        return "$0"
    text = format(amount.quantize(Decimal("1e-10")).normalize(), "f")
    return f"-${text[1:]}" if text.startswith("-") else f"${text}"


def rate(amount: Decimal | None) -> str:
    """A per-million-tokens rate: ``$2.50``; ``n/a`` when the source gives none."""
    if amount is None:
        return "n/a"
    text = format(amount.normalize(), "f")
    if "." not in text or len(text.split(".")[1]) < 2:
        text = f"{amount:.2f}"
    return f"${text}"


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], *, right: Sequence[int] = (),
          style: Style | None = None, total: Sequence[str] | None = None, indent: str = "") -> str:
    """A plain-text table: a header row, a rule, the rows and an optional total row.

    ``right`` lists the columns aligned right (numbers).
    """
    all_rows = [list(headers), *[list(r) for r in rows], *([list(total)] if total else [])]
    widths = [max(len(r[i]) for r in all_rows) for i in range(len(headers))]

    def line(cells: Sequence[str]) -> str:
        pairs = enumerate(zip(cells, widths, strict=True))
        parts = [c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in pairs]
        return (indent + "  ".join(parts)).rstrip()

    paint = style or Style(False, unicode=False)
    rule = paint.dim(indent + "  ".join(paint.sym("─", "-") * w for w in widths))
    out = [paint.bold(line(headers)), rule]
    out += [line(r) for r in rows]
    if total:
        out.append(rule)
        out.append(paint.bold(line(total)))
    return "\n".join(out)
