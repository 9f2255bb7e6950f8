"""Picking a cut stream up again: the request that resumes it, and how often to try.

A stored background response keeps its events on the server, so when its stream breaks (the
connection drops, the body ends early) the shells ask for the rest with
``GET /responses/{id}?stream=true&starting_after=N`` instead of failing. That request reads what
was already generated: it is not a new call, so it is neither rate-limited nor billed, and the
stream is accounted once, when its last event arrives. It is retried like any request; a stream
that keeps breaking without progress gives up after ``MAX_RESUMES`` tries.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from gptkit._core._base import Call, Endpoint
from gptkit._streams._protocol import protocol_for

if TYPE_CHECKING:
    from gptkit._core._client import AsyncClient, Client
    from gptkit._streams._core import StreamCore

__all__ = ["MAX_RESUMES", "Resumptions", "reopener"]

#: Resumptions in a row that brought no new event before the cut is final.
MAX_RESUMES = 3


class Resumptions:
    """Counts a stream's resumptions; progress (a later event) resets the count."""

    __slots__ = ("_at", "_count")

    def __init__(self) -> None:
        self._at: int | None = None
        self._count = 0

    def next(self, core: StreamCore[Any], possible: bool) -> tuple[str, int] | None:
        """Where to resume ``core``'s stream, or None when it cannot (or should not) be."""
        if not possible:
            return None
        point = core.resume_point()
        if point is None:
            return None
        if point[1] != self._at:
            self._at, self._count = point[1], 0
        if self._count >= MAX_RESUMES:
            return None
        self._count += 1
        return point


def _resume_call(client: Client | AsyncClient, call: Call, ident: str, after: int) -> Call:
    path, query = protocol_for(call.endpoint).resume_request(ident, after)
    endpoint = Endpoint(method="GET", path=path, response=call.endpoint.response, records_usage=False)
    params: dict[str, Any] = {"extra_query": query}
    beta = call.request.headers.get("openai-beta")
    if beta:  # a beta stream is read again as it was opened (``client.beta.responses``)
        params["extra_headers"] = {"openai-beta": beta}
    resumed = client._prepare(endpoint, params, path=path)
    resumed.stream = True  # read the body as it comes (``_prepare(stream=True)`` would add a parameter)
    return resumed


def reopener(client: Client | AsyncClient, call: Call) -> Callable[[str, int], Any] | None:
    """What a stream of ``call`` resumes with (the response; on an ``AsyncClient``, something to
    await for it), or None when its endpoint cannot resume."""
    if not protocol_for(call.endpoint).resumable:
        return None

    twin: Any = client  # either client's retry loop: an AsyncClient's answers with an awaitable

    def reopen(ident: str, after: int) -> Any:
        resumed = _resume_call(client, call, ident, after)
        return twin._attempts(resumed, lambda: twin._transmit(resumed))

    return reopen
