"""``Stream`` and ``AsyncStream``: thin read loops around the sans-IO ``StreamCore``.

Each shell reads the response body, hands the bytes to the core and yields the chunks the core
makes ready. The rest is connection hygiene: a stream that completes reads its body to the end
(so the connection is reused) and closes it; a stream left early (``break``, an exception in the
caller's loop, ``close()``) closes the response, which returns or discards the connection.

``open_stream`` / ``aopen_stream`` run one streaming call under the retry policy: each attempt
sends the request *and* reads up to the first event, so a failure before anything reached the
caller is retried like any other call; once the stream is returned nothing is ever re-sent.
"""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from types import TracebackType
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast, overload

import httpx

from gptkit._core._base import APIResponse, Call
from gptkit._core._errors import map_transport_error
from gptkit._core._usage import ensure_usage
from gptkit._observe._trace import CallTrace
from gptkit._streams._core import StreamCore
from gptkit._streams._gc import acollected, collected
from gptkit.types._base import APIObject
from gptkit.types.chat import ChatCompletion, ChatCompletionChunk
from gptkit.types.completion import Completion
from gptkit.types.cost import Cost
from gptkit.types.shared import CompletionUsage

if TYPE_CHECKING:
    from typing_extensions import Self

    from gptkit._core._client import AsyncClient, Client

__all__ = ["AsyncStream", "Stream", "aopen_stream", "open_stream"]

T = TypeVar("T", bound=APIObject)


class _StreamBase(Generic[T]):
    """What both shells expose: the HTTP response, the request id, and the final object."""

    response: httpx.Response
    _core: StreamCore[T]
    _closed: bool

    def __init__(self, core: StreamCore[T], response: httpx.Response, trace: CallTrace | None = None) -> None:
        self._core = core
        self.response = response
        self._closed = False
        self._trace = trace

    def _observe_failure(self, exc: BaseException) -> None:
        # Once the caller has the stream a failure ends the call (before that, the retry loop's).
        if self._trace is not None and self._core.opened:
            self._trace.fail(exc)

    @property
    def request_id(self) -> str | None:
        """The server's ``x-request-id`` for this stream."""
        request_id: str | None = self.response.headers.get("x-request-id")
        return request_id

    @property
    def completed(self) -> bool:
        """Whether the stream reached its ``[DONE]`` marker."""
        return self._core.done

    @property
    def usage(self) -> CompletionUsage | None:
        """Token usage of the finished stream (None before it completes or if the server sent none)."""
        final = self._core.final
        return None if final is None else cast("CompletionUsage | None", final.usage)

    @property
    def cost(self) -> Cost | None:
        """What the finished stream cost (None before it completes or when the price is unknown)."""
        final = self._core.final
        return None if final is None else cast("Cost | None", getattr(final, "cost", None))

    def _closed_error(self) -> Exception:
        return self._core.interrupted("The stream was closed before it was complete.")

    def __repr__(self) -> str:
        state = "complete" if self._core.done else ("closed" if self._closed else "open")
        return f"<{type(self).__name__} {state} request_id={self.request_id!r}>"


class Stream(_StreamBase[T]):
    """The chunks of a streamed response, typed, as they arrive.

    Iterate over it once (``for chunk in stream``); use it as a context manager or call
    ``close()`` to release the connection if you stop early (leaving a ``for`` loop early also
    releases it). After it completes, ``get_final_completion()`` returns the same object the
    call would have returned without ``stream=True``, and ``usage``/``cost`` are known.
    """

    def __init__(self, core: StreamCore[T], response: httpx.Response, trace: CallTrace | None = None) -> None:
        super().__init__(core, response, trace)
        self._raw = response.iter_bytes()
        # If the stream is garbage-collected unfinished: release the connection, the rate-limit
        # slot and the budget hold (``_collected`` runs that work on another thread).
        self._finalizer = weakref.finalize(self, collected, response, core)

    def _pull(self) -> bool:
        """Read once into the core; False when there is nothing more to read."""
        core = self._core
        if self._closed:
            if core.done:
                return False
            raise self._closed_error()
        if core.failure is not None:
            self._fail()
        try:
            data = next(self._raw, None)
        except httpx.TransportError as exc:
            error = _transport_error(core, exc)
            self._observe_failure(error)
            self.close()
            raise error from exc
        try:
            if data is None:
                core.end()
            else:
                core.feed(data)
        except BaseException as exc:
            self._observe_failure(exc)
            self.close()
            raise
        if core.done:
            self._drain()
        return True

    def _fail(self) -> None:
        failure = self._core.failure
        assert failure is not None
        self._observe_failure(failure)
        self.close()
        raise failure

    def _drain(self) -> None:
        # Read past [DONE] to the end of the body so the connection goes back to the pool.
        try:
            for _ in self._raw:
                pass
        except httpx.TransportError:
            pass  # the answer is complete; a broken tail does not matter
        finally:
            self.close()

    def _open(self) -> None:
        """Read until the first chunk is ready (or the stream is done); inside the retry loop."""
        core = self._core
        while not core.pending and self._pull():
            pass
        core.opened = True
        if self._trace is not None:
            self._trace.first_chunk()

    def __iter__(self) -> Iterator[T]:
        pending = self._core.pending
        try:
            while True:
                while pending:
                    yield pending.popleft()
                if not self._pull():
                    return
        finally:
            if not self._closed:
                self.close()  # left early: break, or an exception in the caller's loop

    def __next__(self) -> T:
        pending = self._core.pending
        while not pending:
            if not self._pull():
                raise StopIteration
        return pending.popleft()

    def until_done(self) -> Self:
        """Read the rest of the stream (the chunks still count towards the final object)."""
        pending = self._core.pending
        while self._pull():
            pending.clear()
        pending.clear()
        return self

    @overload
    def get_final_completion(self: Stream[ChatCompletionChunk]) -> ChatCompletion: ...
    @overload
    def get_final_completion(self: Stream[Completion]) -> Completion: ...
    @overload
    def get_final_completion(self) -> Any: ...
    def get_final_completion(self) -> Any:
        """The accumulated final object (reads the rest of the stream first if needed)."""
        if not self._core.done:
            self.until_done()
        return self._core.final

    def close(self) -> None:
        """Release the connection; iterating afterwards raises ``StreamInterruptedError``."""
        if not self._closed:
            self._closed = True
            self._finalizer.detach()
            self.response.close()
            self._core.abandon()
            if self._trace is not None:
                self._trace.abandon()  # ends the call's trace unless the stream already ended it

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


class AsyncStream(_StreamBase[T]):
    """The chunks of a streamed response, for ``async for``; the twin of ``Stream``.

    Use ``async with`` or ``await stream.aclose()`` to release the connection when you stop
    early. (Garbage collection cannot close an async response safely: nothing is scheduled on
    an event loop from a finalizer. Leaving an ``async for`` loop early is handled by the event
    loop's async-generator finalizer.)
    """

    def __init__(
        self,
        core: StreamCore[T],
        response: httpx.Response,
        settle: Callable[[], Awaitable[None]] | None = None,
        trace: CallTrace | None = None,
    ) -> None:
        super().__init__(core, response, trace)
        self._raw = response.aiter_bytes()
        self._settle = settle
        # Dropped unfinished (never closed, never iterated to the end): close it on its own loop.
        try:
            loop: asyncio.AbstractEventLoop | None = asyncio.get_running_loop()
        except RuntimeError:  # not asyncio (e.g. trio): closing is left to the caller
            loop = None
        self._finalizer = weakref.finalize(self, acollected, loop, response, core)

    async def _pull(self) -> bool:
        core = self._core
        if self._closed:
            if core.done:
                return False
            raise self._closed_error()
        if core.failure is not None:
            self._observe_failure(core.failure)
            await self.aclose()
            raise core.failure
        try:
            data: bytes | None = await self._raw.__anext__()
        except StopAsyncIteration:
            data = None
        except httpx.TransportError as exc:
            error = _transport_error(core, exc)
            self._observe_failure(error)
            await self.aclose()
            raise error from exc
        try:
            if data is None:
                core.end()
            else:
                core.feed(data)
        except BaseException as exc:
            self._observe_failure(exc)
            await self.aclose()
            raise
        if core.done:
            await self._drain()
        return True

    async def _drain(self) -> None:
        try:
            async for _ in self._raw:
                pass
        except httpx.TransportError:
            pass
        finally:
            await self.aclose()

    async def _open(self) -> None:
        core = self._core
        while not core.pending and await self._pull():
            pass
        core.opened = True
        if self._trace is not None:
            self._trace.first_chunk()

    async def _iterate(self) -> AsyncIterator[T]:
        pending = self._core.pending
        try:
            while True:
                while pending:
                    yield pending.popleft()
                if not await self._pull():
                    return
        finally:
            if not self._closed:
                await self.aclose()

    def __aiter__(self) -> AsyncIterator[T]:
        return self._iterate()

    async def __anext__(self) -> T:
        pending = self._core.pending
        while not pending:
            if not await self._pull():
                raise StopAsyncIteration
        return pending.popleft()

    async def until_done(self) -> Self:
        """Read the rest of the stream (the chunks still count towards the final object)."""
        pending = self._core.pending
        while await self._pull():
            pending.clear()
        pending.clear()
        return self

    @overload
    async def get_final_completion(self: AsyncStream[ChatCompletionChunk]) -> ChatCompletion: ...
    @overload
    async def get_final_completion(self: AsyncStream[Completion]) -> Completion: ...
    @overload
    async def get_final_completion(self) -> Any: ...
    async def get_final_completion(self) -> Any:
        """The accumulated final object (reads the rest of the stream first if needed)."""
        if not self._core.done:
            await self.until_done()
        return self._core.final

    async def aclose(self) -> None:
        """Release the connection; iterating afterwards raises ``StreamInterruptedError``."""
        if not self._closed:
            self._closed = True
            self._finalizer.detach()
            await self.response.aclose()
            self._core.abandon()
            if self._trace is not None:
                self._trace.abandon()  # ends the call's trace unless the stream already ended it
            if self._settle is not None:
                await self._settle()  # the budget hears of the cost before the caller moves on

    async def close(self) -> None:
        """Alias of ``aclose()`` (the official package's name)."""
        await self.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()


def _transport_error(core: StreamCore[Any], exc: httpx.TransportError) -> Exception:
    # Before the caller has the stream, a broken read is an ordinary, retryable connection error.
    return core.transport_error(exc) if core.opened else map_transport_error(exc, core.request)


def _core_for(client: Client | AsyncClient, call: Call, response: httpx.Response) -> StreamCore[Any]:
    chunk_type: Any = call.endpoint.chunk or call.endpoint.response  # a model, or an EventUnion

    def account(final: Any) -> None:
        # Complete, or cut short after reaching the caller (billed for what was generated): either
        # way the answer is accounted once, with usage estimated if the server sent none.
        ensure_usage(call.body, final)
        client._account(call, final)

    def abandon(final: Any) -> None:
        if call.trace is not None:
            call.trace.closing_early()  # its end event says the caller stopped before the end
        account(final)

    return StreamCore(chunk_type, response, hide_usage=call.usage_requested_by_us, on_final=account,
                      on_abandon=abandon)


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
    stream = Stream(_core_for(client, call, response), response, call.trace)
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
                         call.trace)
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
