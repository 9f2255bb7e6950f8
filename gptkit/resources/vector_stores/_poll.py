"""Polling a store file or file batch until it is processed (``poll``, ``*_and_poll``).

The wait between looks is ``poll_interval_ms``, else the server's ``openai-poll-after-ms``
header, else one second; it sleeps on gptkit's clock (``VirtualClock`` makes it instant in
tests). Each look is an ordinary ``retrieve`` call.
"""

from __future__ import annotations

from typing import Any

from gptkit._clock import get_clock

__all__ = ["apoll", "poll"]

_DEFAULT_MS = 1000


def _wait_ms(poll_interval_ms: int | None, headers: Any) -> float:
    if poll_interval_ms is not None:
        return poll_interval_ms / 1000
    given = headers.get("openai-poll-after-ms") if headers is not None else None
    try:
        return int(given) / 1000 if given is not None else _DEFAULT_MS / 1000
    except ValueError:
        return _DEFAULT_MS / 1000


def poll(retrieve: Any, poll_interval_ms: int | None) -> Any:
    """Call ``retrieve()`` (a raw-response retrieve) until the object is no longer in progress."""
    while True:
        raw = retrieve()
        result = raw.parse()
        if result.status != "in_progress":
            return result
        get_clock().sleep(_wait_ms(poll_interval_ms, raw.headers))


async def apoll(retrieve: Any, poll_interval_ms: int | None) -> Any:
    """The async twin of ``poll``."""
    while True:
        raw = await retrieve()
        result = raw.parse()
        if result.status != "in_progress":
            return result
        await get_clock().asleep(_wait_ms(poll_interval_ms, raw.headers))
