"""The progress display: one self-updating line on a terminal, plain lines elsewhere."""

from __future__ import annotations

from typing import TextIO

from gptkit.batch._stats import RunStats

__all__ = ["Progress", "format_duration"]


def format_duration(seconds: float | None) -> str:
    if seconds is None or seconds != seconds or seconds == float("inf"):
        return "?"
    seconds = int(seconds + 0.5)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class Progress:
    """Renders a run's counters to ``stream``.

    On a terminal the line is redrawn in place (carriage return and erase-to-end) every
    ``tty_interval`` seconds; otherwise a plain line is written every ``interval`` seconds, so
    logs stay readable. The caller supplies the time, which keeps this testable.
    """

    def __init__(self, stream: TextIO, *, interval: float = 10.0, tty_interval: float = 0.25,
                 tty: bool | None = None) -> None:
        self.stream = stream
        if tty is None:
            isatty = getattr(stream, "isatty", None)
            tty = bool(isatty()) if isatty is not None else False
        self.tty = tty
        self.interval = tty_interval if tty else interval
        self._last: float | None = None

    def line(self, stats: RunStats, elapsed: float) -> str:
        """The progress text for ``stats`` after ``elapsed`` seconds of this run."""
        rate = stats.finished / elapsed if elapsed > 0 else 0.0
        tokens = stats.total_tokens / elapsed if elapsed > 0 else 0.0
        remaining = stats.total - stats.done
        eta = remaining / rate if rate > 0 else None
        percent = 100.0 * stats.done / stats.total if stats.total else 100.0
        cost = f" ${stats.cost:.4f}" if stats.cost_known else ""
        failed = f" failed {stats.failed}" if stats.failed else ""
        return (
            f"{stats.done}/{stats.total} ({percent:.1f}%){failed} | {rate:.1f} req/s "
            f"{tokens:.0f} tok/s |{cost} 429s {stats.rate_limited} | in flight {stats.in_flight} "
            f"| ETA {format_duration(eta)}"
        )

    def tick(self, stats: RunStats, now: float, started: float) -> None:
        """Draw if the interval has passed since the last draw."""
        if self._last is not None and now - self._last < self.interval:
            return
        self._last = now
        self._draw(self.line(stats, now - started))

    def finish(self, stats: RunStats, now: float, started: float) -> None:
        """Draw the final state and end the line."""
        self._draw(self.line(stats, now - started))
        if self.tty:
            self.stream.write("\n")
            self.stream.flush()

    def _draw(self, text: str) -> None:
        if self.tty:
            self.stream.write("\r" + text + "\x1b[K")
        else:
            self.stream.write(text + "\n")
        self.stream.flush()
