"""Cleaning up after streams that were garbage-collected unfinished (never closed).

The collector can run a finalizer at any allocation, even while this very thread holds a lock
that closing needs (the connection pool's, the limiter's, the budget's); so a finalizer only hands
the work over: to a short-lived thread for a sync stream, to the stream's own event loop for an
async one.
"""

from __future__ import annotations

import contextlib
import threading
from typing import TYPE_CHECKING, Any

import httpx

from gptkit._streams._core import StreamCore

if TYPE_CHECKING:  # a sync stream's first use should not import asyncio (~10 ms)
    import asyncio

__all__ = ["acollected", "collected"]


def _cleanup(response: httpx.Response, core: StreamCore[Any]) -> None:
    try:
        response.close()
    finally:
        core.abandon()


def collected(response: httpx.Response, core: StreamCore[Any]) -> None:
    """A sync stream was garbage-collected unfinished.

    The collector may run this while the same thread holds a lock that closing needs (the
    connection pool's, the limiter's, the budget's), so the work goes to a short-lived thread.
    """
    threading.Thread(target=_cleanup, args=(response, core), name="gptkit-stream-gc", daemon=True).start()


def acollected(
    loop: asyncio.AbstractEventLoop | None, response: httpx.Response, core: StreamCore[Any]
) -> None:
    """An async stream was garbage-collected unfinished: close it on the loop it belongs to."""

    async def cleanup() -> None:
        try:
            await response.aclose()
        finally:
            core.abandon()

    if loop is None or loop.is_closed():
        return
    running = loop

    def schedule() -> None:
        task = running.create_task(cleanup())
        _CLEANUPS.add(task)
        task.add_done_callback(_CLEANUPS.discard)

    with contextlib.suppress(RuntimeError):  # the loop closed meanwhile: its connections went with it
        running.call_soon_threadsafe(schedule)


#: Cleanup tasks of collected async streams (held so they are not collected mid-way).
_CLEANUPS: set[asyncio.Task[None]] = set()
