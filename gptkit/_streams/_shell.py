"""What the ``Stream`` and ``AsyncStream`` shells share: what they expose (the response, the
request id, usage, cost) and every decision of their read loop. The shells (``_stream``) only
read, close and sleep; the bytes go to the sans-IO ``StreamCore``.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast

import httpx

from gptkit._core._errors import map_transport_error
from gptkit._observe._trace import CallTrace
from gptkit._streams._core import StreamCore
from gptkit._streams._resume import Resumptions
from gptkit._streams._usage import StreamUsage
from gptkit.types._base import APIObject

if TYPE_CHECKING:  # the first stream loads only the types it needs
    from gptkit.types.cost import Cost

__all__ = ["AsyncManagerExit", "ManagerExit", "StreamBase", "StreamManager", "StreamView"]

T = TypeVar("T", bound=APIObject)
W = TypeVar("W")


class StreamBase(Generic[T]):
    """What both shells expose: the HTTP response, the request id, and the final object."""

    response: httpx.Response
    _core: StreamCore[T]
    _closed: bool
    _reopen: Any  # the shell's: reopen a cut stream after its last event (sync or async)
    _finalizer: weakref.finalize[Any, Any]

    def __init__(
        self, core: StreamCore[T], response: httpx.Response, trace: CallTrace | None = None,
        reopen: Any = None,
    ) -> None:
        self._core = core
        self._closed = False
        self._trace = trace
        self._reopen = reopen
        self._resumes = Resumptions()
        self._watch(response)

    def _watch(self, response: httpx.Response) -> None:
        """Read ``response`` from now on (and clean it up if the stream is dropped unfinished)."""
        raise NotImplementedError

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

    #: Token usage of the finished stream (None before it completes or if the server sent none):
    #: a ``CompletionUsage`` for chat and completions, a ``ResponseUsage`` for the Responses API.
    usage: StreamUsage = StreamUsage()

    @property
    def cost(self) -> Cost | None:
        """What the finished stream cost (None before it completes or when the price is unknown)."""
        final = self._core.final
        return None if final is None else cast("Cost | None", getattr(final, "cost", None))

    def _closed_error(self) -> Exception:
        return self._core.interrupted("The stream was closed before it was complete.")

    # -- the decisions of the read loop (the shells only read, close and sleep) ------------------

    def _before_read(self) -> bool:
        """True: read on; False: the stream is over. Raises the failure the core holds, or the
        interruption of a stream closed early (the shell then observes it and closes).

        The shells call it only when ``core.failure`` is set or the stream is closed: otherwise
        it says "read on", and a call per read would be most of its cost."""
        core = self._core
        if core.failure is not None:
            raise core.failure
        if self._closed:
            if core.done:
                return False
            raise self._closed_error()
        return True

    def _read_failed(self, exc: httpx.TransportError) -> Exception:
        """The error of a broken read that was not resumed (the shell raises it)."""
        return _transport_error(self._core, exc)

    def _resume_point(self) -> tuple[str, int] | None:
        """Where a cut stream can be picked up again, if the server keeps its events."""
        if self._reopen is None:
            return None
        return self._resumes.next(self._core, True)

    def _switch(self, response: httpx.Response) -> httpx.Response:
        """Go on reading a reopened ``response``; returns the cut one, for the shell to close."""
        cut = self.response
        self._finalizer.detach()
        self._core.restart(response)
        self._watch(response)
        return cut

    def _unfinished(self) -> bool:
        """Whether the final object needs the rest of the stream read (or a failure raised) first."""
        return not self._core.done or self._core.failure is not None

    def _ready(self) -> None:
        """The first chunk is ready (or the stream is done): the caller gets the stream now."""
        self._core.opened = True
        if self._trace is not None:
            self._trace.first_chunk()

    def _closing(self) -> bool:
        """Mark the stream closed; True when this call is the one that closes it."""
        if self._closed:
            return False
        self._closed = True
        self._finalizer.detach()
        return True

    def _abandoned(self) -> None:
        """After the response is closed: the core and the call's trace end (unless already)."""
        self._core.abandon()
        if self._trace is not None:
            self._trace.abandon()  # ends the call's trace unless the stream already ended it

    def __repr__(self) -> str:
        state = "complete" if self._core.done else ("closed" if self._closed else "open")
        return f"<{type(self).__name__} {state} request_id={self.request_id!r}>"


class StreamView:
    """What the stream helpers (``chat.completions.stream``, ``responses.stream``) show of the
    stream they read."""

    _stream: StreamBase[Any]

    @property
    def response(self) -> httpx.Response:
        """The HTTP response (status, headers)."""
        return self._stream.response

    @property
    def request_id(self) -> str | None:
        """The server's ``x-request-id`` for this stream."""
        return self._stream.request_id

    @property
    def cost(self) -> Cost | None:
        """What the call cost, once the stream has completed (None when the price is unknown)."""
        return self._stream.cost

    def __repr__(self) -> str:
        return f"<{type(self).__name__} of {self._stream!r}>"


class StreamManager(Generic[W]):
    """What a helper's ``stream(...)`` returns: entered once, it opens the stream on entry (the
    sync or async manager's ``__enter__`` / ``__aenter__``) and closes it on exit (``with`` or
    ``async with``, whichever entered it)."""

    _open: Callable[[], Any]
    _stream: W | None = None

    def _opener(self) -> Callable[[], Any]:
        """The call that opens the stream, unless this manager was entered already."""
        if self._stream is not None:
            raise RuntimeError("this stream manager was already entered; call stream() again")
        return self._open


class ManagerExit:
    """``with``: the stream a manager opened is closed on exit."""

    _stream: Any

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._stream is not None:
            self._stream.close()


class AsyncManagerExit:
    """``async with``: the stream a manager opened is closed on exit."""

    _stream: Any

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._stream is not None:
            await self._stream.close()


def _transport_error(core: StreamCore[Any], exc: httpx.TransportError) -> Exception:
    # Before the caller has the stream, a broken read is an ordinary, retryable connection error.
    return core.transport_error(exc) if core.opened else map_transport_error(exc, core.request)
