"""``client.responses.stream(...)``: the official SDK's Responses streaming helper shape.

``with client.responses.stream(model=..., input=...) as stream:`` sends the request on entry and
closes the connection on exit. The object it yields iterates over the typed events (as
``create(stream=True)`` gives them, ``response.output_text.delta`` and
``response.function_call_arguments.delta`` events also carrying the ``snapshot`` of their text so
far, as the official helper's do), offers ``text_stream`` (the answer's text as it arrives) and,
after or instead of iterating, ``get_final_response()``.

``responses.stream(response_id=..., starting_after=N)`` attaches to a background response that is
still (or was) running: as the official helper does, it reads the response's events from the
start, so the final response is whole, and shows the caller only those after ``N``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar

from gptkit._core._closing import AsyncClosing, Closing
from gptkit._streams._shell import AsyncManagerExit, ManagerExit, StreamManager, StreamView
from gptkit._streams._stream import AsyncStream, Stream
from gptkit.types.responses.response_text_delta_event import ResponseTextDeltaEvent

if TYPE_CHECKING:
    from typing_extensions import Self

    from gptkit.types.responses.response import Response
    from gptkit.types.responses.response_stream_event import ResponseStreamEvent
    from gptkit.types.responses.response_usage import ResponseUsage

#: What turns the accumulated ``Response`` into the caller's final object (None: it as is); the
#: hook a ``text_format=`` (structured output) stream plugs its parsing into.
Finisher = Callable[["Response"], Any] | None

W = TypeVar("W")

__all__ = [
    "AsyncResponseStream",
    "AsyncResponseStreamManager",
    "ResponseStream",
    "Finisher",
    "ResponseStreamManager",
]


class _Snapshots:
    """The text of each streamed part and the arguments of each function call so far (sans-IO)."""

    __slots__ = ("_arguments", "_finish", "_parse_text", "_phases", "_texts", "starting_after")

    def __init__(self, starting_after: int | None, finish: Finisher = None) -> None:
        self._texts: dict[tuple[int, int], str] = {}
        self._arguments: dict[int, str] = {}
        self._phases: dict[int, str | None] = {}
        self._finish = finish
        self._parse_text: Callable[[str], Any] | None = getattr(finish, "parse_text", None)
        self.starting_after = starting_after

    def shown(self, event: Any) -> bool:
        """Add the ``snapshot`` an event carries; whether the caller should see the event."""
        kind = event.type
        if kind == "response.output_text.delta":
            key = (event.output_index, event.content_index)
            text = self._texts[key] = self._texts.get(key, "") + event.delta
            _set_extra(event, "snapshot", text)
        elif kind == "response.function_call_arguments.delta":
            index = event.output_index
            text = self._arguments[index] = self._arguments.get(index, "") + event.delta
            _set_extra(event, "snapshot", text)
        elif kind == "response.output_item.added":
            self._phases[event.output_index] = getattr(event.item, "phase", None)
        after = self.starting_after
        show = after is None or event.sequence_number > after
        if show and kind == "response.output_text.done":
            # As the official helper: every text-done event carries ``parsed``, the text in the
            # ``text_format`` model when it is a final answer (no phase, or ``final_answer``).
            phase = self._phases.get(event.output_index)
            final = phase is None or phase == "final_answer"
            parse = self._parse_text
            _set_extra(event, "parsed", parse(event.text) if final and parse is not None else None)
        elif show and kind == "response.completed" and self._finish is not None:
            # As the official helper: the completed event carries the parsed response.
            event.response = self._finish(event.response)
        return show


def _set_extra(event: Any, name: str, value: Any) -> None:
    extra = event.__pydantic_extra__
    if extra is None:
        extra = event.__pydantic_extra__ = {}
    extra[name] = value


class _Common(StreamView):
    def __init__(self, stream: Any, starting_after: int | None = None, finish: Finisher = None) -> None:
        self._stream = stream
        self._snapshots = _Snapshots(starting_after, finish)
        self._finish = finish

    @property
    def usage(self) -> ResponseUsage | None:
        """Token usage, once the stream has completed."""
        final = self._stream._core.final
        usage: ResponseUsage | None = None if final is None else final.usage
        return usage

    @property
    def current_response_snapshot(self) -> Response | None:
        """The response as far as it has arrived (None before its first event)."""
        accumulator = self._stream._core.accumulator
        if accumulator is None or accumulator.response_id is None:
            return None
        snapshot: Response = accumulator.final()
        return snapshot

    def _final(self, final: Response) -> Response:
        if final.status is not None and final.status != "completed":
            # As the official helper: only a ``response.completed`` event makes a final response.
            # The response as it ended (``incomplete_details`` and all) stays readable as
            # ``current_response_snapshot``.
            raise RuntimeError("Didn't receive a `response.completed` event.")
        return final if self._finish is None else self._finish(final)


class ResponseStream(_Common, Closing):
    """A response being streamed: typed events, text deltas and the final ``Response``."""

    _stream: Stream[ResponseStreamEvent]

    @property
    def stream(self) -> Stream[ResponseStreamEvent]:
        """The underlying event stream."""
        return self._stream

    def __iter__(self) -> Iterator[ResponseStreamEvent]:
        shown = self._snapshots.shown
        for event in self._stream:
            if shown(event):
                yield event

    def __next__(self) -> ResponseStreamEvent:
        shown = self._snapshots.shown
        while True:
            event = next(self._stream)
            if shown(event):
                return event

    @property
    def text_stream(self) -> Iterator[str]:
        """The answer's text (``response.output_text.delta`` events), piece by piece."""
        for event in self:
            if isinstance(event, ResponseTextDeltaEvent):
                yield event.delta

    def until_done(self) -> Self:
        """Read the rest of the stream."""
        self._stream.until_done()
        return self

    def get_final_response(self) -> Response:
        """The whole ``Response``, as ``responses.create`` returns it without streaming (reads the
        rest of the stream first; a failed response raises ``ResponseFailedError``).

        As with the official helper, a stream that ended otherwise than in ``response.completed``
        (``response.incomplete``: ``max_output_tokens`` reached, content filtered) raises
        ``RuntimeError``; ``current_response_snapshot`` is then the response as it ended.
        """
        return self._final(self._stream.get_final_response())

    def close(self) -> None:
        """Release the connection."""
        self._stream.close()


class AsyncResponseStream(_Common, AsyncClosing):
    """The async twin of ``ResponseStream`` (its methods, awaited)."""

    _stream: AsyncStream[ResponseStreamEvent]

    @property
    def stream(self) -> AsyncStream[ResponseStreamEvent]:
        """The underlying event stream."""
        return self._stream

    async def _events(self) -> AsyncIterator[ResponseStreamEvent]:
        shown = self._snapshots.shown
        async for event in self._stream:
            if shown(event):
                yield event

    def __aiter__(self) -> AsyncIterator[ResponseStreamEvent]:
        return self._events()

    async def __anext__(self) -> ResponseStreamEvent:
        shown = self._snapshots.shown
        while True:
            event = await self._stream.__anext__()
            if shown(event):
                return event

    @property
    def text_stream(self) -> AsyncIterator[str]:
        """The answer's text, piece by piece, as it arrives (``async for``)."""
        return _text_deltas(self)

    async def until_done(self) -> Self:
        """See ``ResponseStream.until_done``."""
        await self._stream.until_done()
        return self

    async def get_final_response(self) -> Response:
        """See ``ResponseStream.get_final_response``."""
        return self._final(await self._stream.get_final_response())

    async def close(self) -> None:
        """Release the connection."""
        await self._stream.aclose()

    aclose = close


async def _text_deltas(stream: AsyncResponseStream) -> AsyncIterator[str]:
    async for event in stream:
        if isinstance(event, ResponseTextDeltaEvent):
            yield event.delta


class _Manager(StreamManager[W]):
    def __init__(
        self, open_stream: Callable[[], Any], *, starting_after: int | None = None, finish: Finisher = None,
    ) -> None:
        self._open = open_stream
        self._starting_after = starting_after
        self._finish = finish


class ResponseStreamManager(_Manager[ResponseStream], ManagerExit):
    """What ``responses.stream(...)`` returns: use it in a ``with`` block."""

    def __enter__(self) -> ResponseStream:
        self._stream = ResponseStream(self._opener()(), self._starting_after, self._finish)
        return self._stream



class AsyncResponseStreamManager(_Manager[AsyncResponseStream], AsyncManagerExit):
    """What ``responses.stream(...)`` returns on an ``AsyncClient``: use ``async with``."""

    async def __aenter__(self) -> AsyncResponseStream:
        self._stream = AsyncResponseStream(await self._opener()(), self._starting_after, self._finish)
        return self._stream

