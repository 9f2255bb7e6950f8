"""A first-in first-out concurrency cap shared by threads and asyncio tasks alike.

``threading.Semaphore`` cannot be awaited and ``asyncio.Semaphore`` cannot be shared across
threads or event loops; a limiter may be shared by a sync client in threads and an async
client at once, so the waiters here are either a ``threading.Event`` or a future woken through
its own loop's ``call_soon_threadsafe``.
"""

from __future__ import annotations

import asyncio
import threading
from collections import deque
from collections.abc import Callable
from typing import TypeVar

__all__ = ["Slots"]


class _AsyncWaiter:
    __slots__ = ("future", "loop")

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self.future: asyncio.Future[None] = loop.create_future()

    def wake(self) -> None:
        def grant() -> None:
            if not self.future.done():
                self.future.set_result(None)

        self.loop.call_soon_threadsafe(grant)


W = TypeVar("W", threading.Event, _AsyncWaiter)


class Slots:
    """At most ``size`` holders at once; a freed slot goes to the longest waiter."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._free = size
        self._lock = threading.Lock()
        self._waiters: deque[threading.Event | _AsyncWaiter] = deque()

    @property
    def in_use(self) -> int:
        return self.size - self._free

    def _queue(self, make: Callable[[], W]) -> W | None:
        """Take a free slot (None), or queue a new waiter from ``make`` and return it."""
        with self._lock:
            if self._free > 0 and not self._waiters:
                self._free -= 1
                return None
            waiter = make()
            self._waiters.append(waiter)
            return waiter

    def acquire(self) -> None:
        event = self._queue(threading.Event)
        if event is not None:
            try:
                event.wait()
            except BaseException:
                self._abandon(event)
                raise

    async def aacquire(self) -> None:
        loop = asyncio.get_running_loop()
        waiter = self._queue(lambda: _AsyncWaiter(loop))
        if waiter is not None:
            try:
                await waiter.future
            except BaseException:
                self._abandon(waiter)
                raise

    def _abandon(self, waiter: threading.Event | _AsyncWaiter) -> None:
        """A waiter gave up (cancelled, interrupted): drop it, or pass on a slot it was handed."""
        with self._lock:
            try:
                self._waiters.remove(waiter)
                return
            except ValueError:
                pass  # already handed a slot: give it to the next in line
        self.release()

    def release(self) -> None:
        while True:
            with self._lock:
                if not self._waiters:
                    self._free = min(self.size, self._free + 1)
                    return
                waiter = self._waiters.popleft()
            # The slot passes straight to the waiter (``_free`` stays put): nobody can barge in.
            if isinstance(waiter, threading.Event):
                waiter.set()
                return
            try:
                waiter.wake()
                return
            except RuntimeError:  # its event loop is closed: the next waiter gets the slot
                continue
