"""Polling a store file or file batch until it is processed (``poll``, ``*_and_poll``).

The wait between looks is ``poll_interval_ms``, else the server's ``openai-poll-after-ms``
header, else one second; it sleeps on gptkit's clock (``VirtualClock`` makes it instant in
tests). Each look is an ordinary ``retrieve`` call; the same steps serve both clients.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from gptkit.resources._resource import Steps

__all__ = ["poll"]

_DEFAULT_MS = 1000


def _wait_ms(poll_interval_ms: int | None, headers: Any) -> float:
    if poll_interval_ms is not None:
        return poll_interval_ms / 1000
    given = headers.get("openai-poll-after-ms") if headers is not None else None
    try:
        return int(given) / 1000 if given is not None else _DEFAULT_MS / 1000
    except ValueError:
        return _DEFAULT_MS / 1000


def poll(resource: Any, retrieve: Callable[[], Any], poll_interval_ms: int | None) -> Steps[Any]:
    """The steps of calling ``retrieve()`` (a raw-response retrieve) until the object is no
    longer in progress, sleeping between looks (run by ``resource._steps``)."""
    while True:
        raw = yield retrieve()
        result = raw.parse()
        if result.status != "in_progress":
            return result
        yield resource._sleep(_wait_ms(poll_interval_ms, raw.headers))
