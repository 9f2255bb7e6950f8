"""A virtual clock for tests: sleeping advances time instantly and is recorded."""

from __future__ import annotations

import heapq
import itertools
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

    Concurrent async sleepers wake in the order of their wake times, as on a real clock: a
    sleeper whose wake time is the earliest moves the clock to it once the other runnable
    tasks have had ``settle_yields`` turns of the event loop to start their own sleeps.

    :param start: the monotonic time it starts at, in seconds.
    :param wall_start: the wall-clock time it starts at (seconds since the epoch), which moves
        with it: date-dependent prices and ``created`` stamps read it.
    """

    settle_yields = 10

    def __init__(self, start: float = 1_000.0, wall_start: float = 1_700_000_000.0) -> None:
        self._now = start
        self._wall_offset = wall_start - start
        self.sleeps: list[float] = []
        self._lock = threading.Lock()
        self._previous: Clock | None = None
        self._sleepers: list[tuple[float, int]] = []
        self._seq = itertools.count()

    def __repr__(self) -> str:
        return f"<VirtualClock at {self._now:g} s, {len(self.sleeps)} sleeps>"

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
        with self._lock:
            self.sleeps.append(seconds)
            entry = (self._now + max(seconds, 0.0), next(self._seq))
            heapq.heappush(self._sleepers, entry)
        try:
            while True:
                for _ in range(self.settle_yields):
                    await anyio.sleep(0)  # let runnable tasks reach their own sleeps first
                with self._lock:
                    if self._now >= entry[0]:
                        return
                    if self._sleepers[0] == entry:
                        self._now = entry[0]
                        return
        finally:
            with self._lock:
                self._sleepers.remove(entry)
                heapq.heapify(self._sleepers)

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
