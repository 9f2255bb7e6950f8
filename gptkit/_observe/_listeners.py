"""Listeners: checking one before it is registered, the registry a client and its copies share
(with their live stats), handing an event to every listener, and what clients get of it
(``Observable``: ``add_listener``, ``listeners``, ``stats``).

A call's ``CallTrace`` (``gptkit._observe._trace``) reads the registry once, when the call
starts, and calls ``emit`` only when there were listeners: with none, nothing here runs during
a call.
"""

from __future__ import annotations

import inspect
import logging
import threading
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gptkit._cost._ledger import Ledger
    from gptkit._observe._events import CallEvent
    from gptkit._observe._stats import ClientStats
    from gptkit._observe._trace import CallTrace, TracedCall
    from gptkit._retry import RetryEvent

__all__ = ["EventListener", "Observable", "Observer", "check_listener", "emit"]

logger = logging.getLogger("gptkit")

#: A listener: any callable taking one event (its return value is ignored).
EventListener = Callable[["CallEvent"], object]


def check_listener(listener: object) -> EventListener:
    """``listener`` if it can be one; a clear ``TypeError`` before any call otherwise."""
    if not callable(listener):
        raise TypeError(f"a listener must be callable with one event, not {type(listener).__name__}")
    target = listener if inspect.isroutine(listener) else getattr(listener, "__call__", None)  # noqa: B004
    if inspect.iscoroutinefunction(target):
        raise TypeError(
            "listeners are called synchronously, inline with the call; an async listener would "
            "never run. Use a plain function (hand slow work to a queue or loop.call_soon)."
        )
    return listener


def emit(listeners: tuple[EventListener, ...], event: CallEvent) -> None:
    """Hand ``event`` to every listener; one that raises is logged and the call goes on."""
    for listener in listeners:
        try:
            result = listener(event)
        except Exception:
            logger.exception("gptkit listener %r raised on %s; ignoring it", listener, type(event).__name__)
            continue
        if result is not None and inspect.isawaitable(result):
            if inspect.iscoroutine(result):
                result.close()  # never awaited: close it so Python does not warn later
            logger.error("gptkit listener %r returned an awaitable; listeners must be synchronous", listener)


class Observer:
    """The listeners and stats of a client and of the ``with_options`` copies sharing them."""

    __slots__ = ("_lock", "listeners", "stats")

    def __init__(
        self, listeners: Iterable[EventListener] | None = None, ledger: Ledger | None = None
    ) -> None:
        self._lock = threading.Lock()
        #: Replaced, never mutated, so a call reads it without the lock.
        self.listeners: tuple[EventListener, ...] = tuple(check_listener(x) for x in listeners or ())
        # The stats read the counters the call traces write (``_trace``, which imports this module).
        from gptkit._observe._stats import ClientStats

        self.stats: ClientStats = ClientStats(ledger)

    def add(self, listener: EventListener) -> None:
        check_listener(listener)
        with self._lock:
            self.listeners = (*self.listeners, listener)

    def remove(self, listener: EventListener) -> None:
        with self._lock:
            current = list(self.listeners)
            current.remove(listener)  # ValueError when it was not registered, like list.remove
            self.listeners = tuple(current)


class Observable:
    """What clients get from this module: listener registration, ``stats``, and the call sites of
    their retry loops and rate limiter (a call's trace is started by ``BaseClient._observe``)."""

    _observer: Observer
    _price_provider: str | None

    def add_listener(self, listener: EventListener) -> None:
        """Register ``listener`` (a callable taking one event) for calls started from now on.

        Shared with every ``with_options`` copy of this client. See ``gptkit.Listener``.
        """
        self._observer.add(listener)

    def remove_listener(self, listener: EventListener) -> None:
        """Unregister ``listener``; calls already started still report to it."""
        self._observer.remove(listener)

    @property
    def listeners(self) -> tuple[EventListener, ...]:
        """The registered listeners, in the order they are called."""
        return self._observer.listeners

    @property
    def stats(self) -> ClientStats:
        """Live counters of this client and its copies: calls in flight, errors, latency, cost..."""
        return self._observer.stats

    # -- call sites of the I/O loops ----------------------------------------------------------

    @staticmethod
    def _retry_hook(call: TracedCall) -> Callable[[RetryEvent], None] | None:
        """What ``Attempts(on_retry=...)`` tells about each retry of ``call``."""
        trace: CallTrace | None = call.trace
        return trace.retried if trace is not None else None

    @staticmethod
    def _emit_rate_limit_wait(call: TracedCall, seconds: float) -> None:
        """The rate limiter held ``call``'s next attempt back for ``seconds`` (call after the wait)."""
        trace: CallTrace | None = call.trace
        if trace is not None and seconds > 0:
            trace.rate_limit_wait(seconds)
