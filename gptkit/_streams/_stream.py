"""``Stream`` and ``AsyncStream``: thin read loops around the sans-IO ``StreamCore``.

Each shell reads the response body, hands the bytes to the core and yields the chunks the core
makes ready. The rest is connection hygiene: a stream that completes reads its body to the end
(so the connection is reused) and closes it; a stream left early (``break``, an exception in the
caller's loop, ``close()``) closes the response, which returns or discards the connection.

Opening a stream (``_open.open_stream``) reads up to its first event inside the retry loop;
once a stream is returned nothing is ever re-sent, except that a Responses stream the server
keeps can be picked up after its last event (``_resume``).
"""

from __future__ import annotations

import weakref
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar, overload

import httpx

from gptkit._core._closing import AsyncClosing, Closing
from gptkit._exceptions import APIError
from gptkit._observe._trace import CallTrace
from gptkit._streams._core import StreamCore
from gptkit._streams._gc import acollected, collected
from gptkit._streams._shell import StreamBase
from gptkit.types._base import APIObject

if TYPE_CHECKING:
    from typing_extensions import Self

    from gptkit.types.chat import ChatCompletion, ChatCompletionChunk
    from gptkit.types.completion import Completion
    from gptkit.types.responses.response import Response

__all__ = ["AsyncStream", "Stream"]

T = TypeVar("T", bound=APIObject)


class Stream(StreamBase[T], Closing):
    """The chunks of a streamed response, typed, as they arrive.

    Iterate over it once (``for chunk in stream``); use it as a context manager or call
    ``close()`` to release the connection if you stop early (leaving a ``for`` loop early also
    releases it). After it completes, ``get_final_completion()`` returns the same object the
    call would have returned without ``stream=True``, and ``usage``/``cost`` are known.
    """

    _reopen: Callable[[str, int], httpx.Response] | None

    def __init__(
        self, core: StreamCore[T], response: httpx.Response, trace: CallTrace | None = None,
        reopen: Callable[[str, int], httpx.Response] | None = None,
    ) -> None:
        super().__init__(core, response, trace, reopen)

    def _watch(self, response: httpx.Response) -> None:
        self.response = response
        self._raw = response.iter_bytes()
        # If the stream is garbage-collected unfinished: release the connection, the rate-limit
        # slot and the budget hold (``_gc.collected`` hands that work to another thread).
        self._finalizer = weakref.finalize(self, collected, response, self._core)

    def _resume(self) -> bool:
        """Pick a cut stream up after its last event, when the server keeps its events."""
        point = self._resume_point()
        if point is None:
            return False
        try:
            response = self._reopen(*point)  # type: ignore[misc]  # a point means a reopener
        except APIError:
            return False  # the cut stands: the caller gets the interruption with what arrived
        self._switch(response).close()
        return True

    def _pull(self) -> bool:
        """Read once into the core; False when there is nothing more to read."""
        core = self._core
        try:
            if (core.failure is not None or self._closed) and not self._before_read():
                return False
            try:
                data = next(self._raw, None)
            except httpx.TransportError as exc:
                if self._resume():
                    return True
                raise self._read_failed(exc) from exc
            if data is None and not core.done and self._resume():
                return True
            core.feed(data)
        except Exception as exc:  # (a Ctrl-C stops the stream; it does not fail the call)
            self._observe_failure(exc)  # before closing: the call failed
            self.close()
            raise
        if core.done:
            self._drain()
        return True

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
        while not self._core.pending and self._pull():
            pass
        self._ready()

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
        if self._unfinished():
            self.until_done()  # a failure still pending is raised here
        return self._core.final

    def get_final_response(self) -> Response:
        """The ``Response`` a Responses API stream amounts to (reads the rest of it first); the
        same object ``responses.create`` returns without ``stream=True``."""
        final: Response = self.get_final_completion()
        return final

    def close(self) -> None:
        """Release the connection; iterating afterwards raises ``StreamInterruptedError``."""
        if self._closing():
            self.response.close()
            self._abandoned()


class AsyncStream(StreamBase[T], AsyncClosing):
    """The chunks of a streamed response, for ``async for``; the twin of ``Stream`` (its methods
    are ``Stream``'s, awaited; ``aclose()`` is its ``close()``).

    Use ``async with`` or ``await stream.aclose()`` to release the connection when you stop
    early. (Garbage collection cannot close an async response safely: nothing is scheduled on
    an event loop from a finalizer. Leaving an ``async for`` loop early is handled by the event
    loop's async-generator finalizer.)
    """

    _reopen: Callable[[str, int], Awaitable[httpx.Response]] | None

    def __init__(
        self,
        core: StreamCore[T],
        response: httpx.Response,
        settle: Callable[[], Awaitable[None]] | None = None,
        trace: CallTrace | None = None,
        reopen: Callable[[str, int], Awaitable[httpx.Response]] | None = None,
    ) -> None:
        self._settle = settle
        super().__init__(core, response, trace, reopen)

    def _watch(self, response: httpx.Response) -> None:
        self.response = response
        self._raw = response.aiter_bytes()
        # Dropped unfinished (never closed, never iterated to the end): close it on its own loop.
        import asyncio  # here: a sync program's first stream should not import it

        try:
            loop: asyncio.AbstractEventLoop | None = asyncio.get_running_loop()
        except RuntimeError:  # not asyncio (e.g. trio): closing is left to the caller
            loop = None
        self._finalizer = weakref.finalize(self, acollected, loop, response, self._core)

    async def _resume(self) -> bool:
        point = self._resume_point()
        if point is None:
            return False
        try:
            response = await self._reopen(*point)  # type: ignore[misc]  # a point means a reopener
        except APIError:
            return False
        await self._switch(response).aclose()
        return True

    async def _pull(self) -> bool:
        core = self._core
        try:
            if (core.failure is not None or self._closed) and not self._before_read():
                return False
            try:
                data: bytes | None = await self._raw.__anext__()
            except StopAsyncIteration:
                data = None
            except httpx.TransportError as exc:
                if await self._resume():
                    return True
                raise self._read_failed(exc) from exc
            if data is None and not core.done and await self._resume():
                return True
            core.feed(data)
        except Exception as exc:
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
        while not self._core.pending and await self._pull():
            pass
        self._ready()

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
        """See ``Stream.until_done``."""
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
        """See ``Stream.get_final_completion``."""
        if self._unfinished():
            await self.until_done()
        return self._core.final

    async def get_final_response(self) -> Response:
        """See ``Stream.get_final_response``."""
        final: Response = await self.get_final_completion()
        return final

    async def aclose(self) -> None:
        """See ``Stream.close``; a budget hears of the cost before this returns."""
        if self._closing():
            await self.response.aclose()
            self._abandoned()
            if self._settle is not None:
                await self._settle()

    async def close(self) -> None:
        """Alias of ``aclose()`` (the official package's name)."""
        await self.aclose()
