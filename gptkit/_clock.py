"""The one place gptkit reads time and sleeps, so tests can swap in a virtual clock.

Retry waits, deadlines and the rate limiter all ask ``get_clock()`` (the hot path of a call reads
``gptkit._clock.current``, the same clock without a function call); ``gptkit.testing`` installs
a virtual clock that records sleeps and advances instantly.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import anyio

__all__ = ["Clock", "current", "get_clock", "set_clock"]


class Clock:
    """Real time: ``time.monotonic``, ``time.sleep`` and ``anyio.sleep``."""

    # The real readings are the C functions themselves: reading the time runs no Python code
    # (every call reads it a few times; tests/test_layout.py counts the modules a call runs).
    #: Seconds from an arbitrary start, never going back.
    monotonic: Callable[[], float] = staticmethod(time.monotonic)
    #: Seconds since the epoch (for HTTP dates in ``retry-after``).
    wall: Callable[[], float] = staticmethod(time.time)

    def sleep(self, seconds: float) -> None:
        if seconds > 0:
            time.sleep(seconds)

    async def asleep(self, seconds: float) -> None:
        await anyio.sleep(max(seconds, 0.0))


#: The clock in force (the real one unless a test installed another). Read it as an attribute of
#: this module (``_clock.current``), never imported by name: ``set_clock`` replaces it.
current: Clock = Clock()


def get_clock() -> Clock:
    """The clock in force (the real one unless a test installed another)."""
    return current


def set_clock(clock: Clock | None) -> Clock:
    """Install ``clock`` (None restores real time); returns the previous one."""
    global current
    previous = current
    current = clock if clock is not None else Clock()
    return previous
