"""Opening a stream: one attempt of a streaming call, inside the client's retry loop.

``open_stream`` / ``aopen_stream`` run one streaming call under the retry policy: each attempt
sends the request *and* reads up to the first event, so a failure before anything reached the
caller is retried like any other call; once the stream is returned nothing is ever re-sent.
The stream's core is wired here to the client's accounting (cost, ledger, budget, limiter).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

import httpx

from gptkit._core._base import APIResponse, Call
from gptkit._core._usage import ensure_usage
from gptkit._streams._core import StreamCore
from gptkit._streams._protocol import protocol_for
from gptkit._streams._resume import reopener
from gptkit._streams._stream import AsyncStream, Stream

if TYPE_CHECKING:
    from gptkit._core._client import AsyncClient, Client

__all__ = ["aopen_stream", "open_stream", "stream_result"]


def _core_for(client: Client | AsyncClient, call: Call, response: httpx.Response) -> StreamCore[Any]:

    def account(final: Any) -> None:
        # Complete, or cut short after reaching the caller (billed for what was generated): either
        # way the answer is accounted once, with usage estimated if the server sent none.
        ensure_usage(call.body, final)
        client._account(call, final)

    def abandon(final: Any) -> None:
        if call.trace is not None:
            call.trace.closing_early()  # its end event says the caller stopped before the end
        account(final)

    return StreamCore(protocol_for(call.endpoint), response, hide_usage=call.usage_requested_by_us,
                      on_final=account, on_abandon=abandon)


def _release_permit(call: Call) -> None:
    permit = call.rate_permit
    if permit is not None:
        permit.release()


def open_stream(client: Client, call: Call) -> Stream[Any]:
    """One attempt of a streaming call: send it and read to its first event.

    Runs inside the client's retry loop: a failure here (before the caller has the stream) is an
    ordinary, retryable error.
    """
    response = client._send(call)
    stream = Stream(_core_for(client, call, response), response, call.trace, reopen=reopener(client, call))
    try:
        stream._open()
    except BaseException:
        _release_permit(call)  # this attempt is over; a retry acquires its own
        raise
    return stream


async def aopen_stream(client: AsyncClient, call: Call) -> AsyncStream[Any]:
    """The async twin of ``open_stream``."""
    response = await client._send(call)
    stream = AsyncStream(_core_for(client, call, response), response, lambda: client._cost.asettle(call),
                         call.trace, reopen=reopener(client, call))
    try:
        await stream._open()
    except BaseException:
        _release_permit(call)  # this attempt is over; a retry acquires its own
        raise
    return stream


def stream_result(call: Call, stream: Stream[Any] | AsyncStream[Any]) -> Any:
    """What the caller gets for an opened stream (an ``APIResponse`` for ``with_raw_response``)."""
    if call.raw:
        return APIResponse(stream.response, cast(Any, stream))
    return stream
