"""The one place gptkit reads time and sleeps, so tests can swap in a virtual clock.

Retry waits, deadlines and the rate limiter all ask ``get_clock()``; ``gptkit.testing`` installs
a virtual clock that records sleeps and advances instantly.
"""

from __future__ import annotations

import time

import anyio

__all__ = ["Clock", "get_clock", "set_clock"]


class Clock:
    """Real time: ``time.monotonic``, ``time.sleep`` and ``anyio.sleep``."""

    def monotonic(self) -> float:
        return time.monotonic()

    def wall(self) -> float:
        """Seconds since the epoch (for HTTP dates in ``retry-after``)."""
        return time.time()

    def sleep(self, seconds: float) -> None:
        if seconds > 0:
            time.sleep(seconds)

    async def asleep(self, seconds: float) -> None:
        await anyio.sleep(max(seconds, 0.0))


_clock: Clock = Clock()


def get_clock() -> Clock:
    """The clock in force (the real one unless a test installed another)."""
    return _clock


def set_clock(clock: Clock | None) -> Clock:
    """Install ``clock`` (None restores real time); returns the previous one."""
    global _clock
    previous = _clock
    _clock = clock if clock is not None else Clock()
    return previous
