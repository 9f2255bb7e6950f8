"""A virtual clock for tests: sleeping advances time instantly and is recorded."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

import anyio

from gptkit._clock import Clock, set_clock

__all__ = ["VirtualClock", "no_waits"]


class VirtualClock(Clock):
    """Time that moves only when gptkit sleeps (or the test calls ``advance``).

    ``sleeps`` lists every wait gptkit asked for, in order, so a test can assert the exact
    retry or rate-limit schedule without waiting for it. Use it as a context manager to install
    it for the duration of a block.
    """

    def __init__(self, start: float = 1_000.0, wall_start: float = 1_700_000_000.0) -> None:
        self._now = start
        self._wall_offset = wall_start - start
        self.sleeps: list[float] = []
        self._lock = threading.Lock()
        self._previous: Clock | None = None

    def monotonic(self) -> float:
        return self._now

    def wall(self) -> float:
        return self._now + self._wall_offset

    def advance(self, seconds: float) -> None:
        with self._lock:
            self._now += seconds

    def sleep(self, seconds: float) -> None:
        with self._lock:
            self.sleeps.append(seconds)
            self._now += max(seconds, 0.0)

    async def asleep(self, seconds: float) -> None:
        self.sleep(seconds)
        await anyio.sleep(0)  # still yield, so other tasks run as they would

    def __enter__(self) -> VirtualClock:
        self._previous = set_clock(self)
        return self

    def __exit__(self, *exc: object) -> None:
        set_clock(self._previous)


@contextmanager
def no_waits() -> Iterator[VirtualClock]:
    """Make every retry and rate-limit wait instant inside the block (for users' test suites)."""
    with VirtualClock() as clock:
        yield clock
