"""``client.chat.completions.stream(...)``: the official SDK's streaming helper shape.

``with client.chat.completions.stream(model=..., messages=...) as stream:`` sends the request on
entry and closes the connection on exit. The object it yields iterates over the official typed
events (``ChatCompletionStreamState`` makes them from the chunks), offers ``text_stream`` (only
the text of the first choice, as it arrives) and, after or instead of iterating,
``get_final_completion()``: a ``ParsedChatCompletion`` whose messages carry the validated
``parsed`` object with ``response_format=MyModel``, exactly as ``parse`` returns it.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncGenerator, AsyncIterator, Callable, Generator, Iterable, Iterator
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from gptkit._core._closing import AsyncClosing, Closing
from gptkit._streams._chat_event_types import (
    ChatCompletionStreamEvent,
    ChunkEvent,
    ParsedChatCompletionSnapshot,
)
from gptkit._streams._chat_events import ChatCompletionStreamState, is_chat_chunk
from gptkit._streams._shell import AsyncManagerExit, ManagerExit, StreamBase, StreamManager, StreamView
from gptkit._streams._stream import AsyncStream, Stream
from gptkit.types.chat import ChatCompletion, ChatCompletionChunk
from gptkit.types.parsed_chat import ParsedChatCompletion
from gptkit.types.shared import CompletionUsage

if TYPE_CHECKING:
    from typing_extensions import Self

__all__ = [
    "AsyncChatCompletionStream",
    "AsyncChatCompletionStreamManager",
    "ChatCompletionStream",
    "ChatCompletionStreamManager",
]

ParsedT = TypeVar("ParsedT")
C = TypeVar("C", bound=ChatCompletion)
W = TypeVar("W")
#: What turns the accumulated completion into the caller's final object (None: use it as is).
Finisher = Callable[[ChatCompletion], Any] | None


class _Common(StreamView, Generic[ParsedT]):
    _stream: StreamBase[ChatCompletionChunk]
    _iterator: Any

    def __init__(self, stream: Any, finish: Finisher = None,
                 state: ChatCompletionStreamState[ParsedT] | None = None) -> None:
        self._stream = stream
        self._finish = finish
        self._state = state if state is not None else ChatCompletionStreamState()
        self._iterator = self._events()

    def _events(self) -> Any:
        raise NotImplementedError

    @property
    def usage(self) -> CompletionUsage | None:
        """Token usage, once the stream has completed."""
        return self._stream.usage

    @property
    def current_completion_snapshot(self) -> ParsedChatCompletionSnapshot:
        """The completion accumulated from the events read so far."""
        return self._state.current_completion_snapshot

    def _final(self, final: Any) -> ParsedChatCompletion[ParsedT]:
        result: ParsedChatCompletion[ParsedT] = final if self._finish is None else self._finish(final)
        return _as_official_final(_as_asked(result, self._stream))


class ChatCompletionStream(_Common[ParsedT], Closing):
    """A chat completion being streamed: its events, text deltas and the final completion.

    Iterating gives the official package's typed events (``event.type``: ``chunk``,
    ``content.delta``, ``content.done``, ``refusal.delta``, ``tool_calls.function.arguments.delta``
    ...). The events come from one reader: ``text_stream``, ``until_done()`` and
    ``get_final_completion()`` continue where the loop stopped.
    """

    _stream: Stream[ChatCompletionChunk]
    _iterator: Generator[ChatCompletionStreamEvent[ParsedT], None, None]

    def _events(self) -> Generator[ChatCompletionStreamEvent[ParsedT], None, None]:
        handle = self._state.handle_chunk
        for chunk in self._stream:
            if is_chat_chunk(chunk):
                yield from handle(chunk)

    @property
    def stream(self) -> Stream[ChatCompletionChunk]:
        """The underlying chunk stream."""
        return self._stream

    def __iter__(self) -> Iterator[ChatCompletionStreamEvent[ParsedT]]:
        return self._iterator

    def __next__(self) -> ChatCompletionStreamEvent[ParsedT]:
        return next(self._iterator)

    @property
    def text_stream(self) -> Iterator[str]:
        """The text of the first choice, piece by piece, as it arrives."""
        for event in self._iterator:
            if event.type == "chunk":
                yield from _first_choice_text(event)

    def until_done(self) -> Self:
        """Read the rest of the stream."""
        for _ in self._iterator:
            pass
        return self

    def get_final_completion(self) -> ParsedChatCompletion[ParsedT]:
        """The whole completion, as ``parse`` would return it (reads the rest of the stream first).

        With ``response_format=MyModel``: a ``ParsedChatCompletion[MyModel]`` (and ``parse``'s
        errors: cut off, filtered, or not matching the model).
        """
        self.until_done()
        return self._final(self._stream.get_final_completion())

    def close(self) -> None:
        """Release the connection."""
        # Closed from another thread mid-read, the generator is running: closing the response ends it.
        with contextlib.suppress(ValueError):
            self._iterator.close()
        self._stream.close()


class AsyncChatCompletionStream(_Common[ParsedT], AsyncClosing):
    """The async twin of ``ChatCompletionStream`` (``async for event in stream``; its methods,
    awaited)."""

    _stream: AsyncStream[ChatCompletionChunk]
    _iterator: AsyncGenerator[ChatCompletionStreamEvent[ParsedT], None]

    async def _events(self) -> AsyncGenerator[ChatCompletionStreamEvent[ParsedT], None]:
        handle = self._state.handle_chunk
        async for chunk in self._stream:
            if is_chat_chunk(chunk):
                for event in handle(chunk):
                    yield event

    @property
    def stream(self) -> AsyncStream[ChatCompletionChunk]:
        """The underlying chunk stream."""
        return self._stream

    def __aiter__(self) -> AsyncIterator[ChatCompletionStreamEvent[ParsedT]]:
        return self._iterator

    async def __anext__(self) -> ChatCompletionStreamEvent[ParsedT]:
        return await self._iterator.__anext__()

    @property
    def text_stream(self) -> AsyncIterator[str]:
        """The text of the first choice, piece by piece, as it arrives (``async for``)."""
        return _text_deltas(self._iterator)

    async def until_done(self) -> Self:
        """See ``ChatCompletionStream.until_done``."""
        async for _ in self._iterator:
            pass
        return self

    async def get_final_completion(self) -> ParsedChatCompletion[ParsedT]:
        """See ``ChatCompletionStream.get_final_completion``."""
        await self.until_done()
        return self._final(await self._stream.get_final_completion())

    async def close(self) -> None:
        """Release the connection."""
        # Closed by another task mid-read, the generator is running: closing the response ends it.
        with contextlib.suppress(RuntimeError):
            await self._iterator.aclose()
        await self._stream.aclose()

    aclose = close


def _as_asked(final: C, stream: StreamBase[ChatCompletionChunk]) -> C:
    """The final completion as the caller asked for it: when gptkit added
    ``stream_options.include_usage`` itself (for its cost accounting), the usage stays on the
    stream (``stream.usage``, ``stream.cost``) and the completion has ``usage=None``, as the
    official helper's has without ``include_usage``."""
    if stream._core.hides_usage and final.usage is not None:
        return final.model_copy(update={"usage": None})
    return final


def _as_official_final(final: C) -> C:
    """The helper's final completion as the official helper builds it: every field of each message
    set (``to_json()`` shows ``"audio": null``...), ``parsed_arguments`` set on each function, and
    each tool call keeping its stream ``index`` (an extra field). A copy: the stream's own final
    completion is untouched."""
    final = final.model_copy(deep=True)
    for choice in final.choices:
        message = choice.message
        message.__pydantic_fields_set__.update(type(message).model_fields)
        for position, call in enumerate(message.tool_calls or ()):
            if call.__pydantic_extra__ is None:
                call.__pydantic_extra__ = {}
            call.__pydantic_extra__["index"] = position
            function = getattr(call, "function", None)
            if function is not None and "parsed_arguments" in type(function).model_fields:
                function.__pydantic_fields_set__.add("parsed_arguments")
    return final


def _first_choice_text(event: ChunkEvent) -> Iterator[str]:
    for choice in event.chunk.choices:
        if choice.index == 0 and choice.delta.content:
            yield choice.delta.content


async def _text_deltas(events: AsyncIterator[ChatCompletionStreamEvent[Any]]) -> AsyncIterator[str]:
    async for event in events:
        if event.type == "chunk":
            for text in _first_choice_text(event):
                yield text


class _Manager(StreamManager[W], Generic[ParsedT, W]):
    def __init__(
        self, open_stream: Callable[[], Any], finish: Finisher = None, *, response_format: Any = None,
        input_tools: Iterable[Any] = (),
    ) -> None:
        self._open = open_stream
        self._finish = finish
        self._state_args = {"response_format": response_format, "input_tools": input_tools}

    def _state(self) -> ChatCompletionStreamState[ParsedT]:
        return ChatCompletionStreamState(**self._state_args)


class ChatCompletionStreamManager(_Manager[ParsedT, ChatCompletionStream[ParsedT]], ManagerExit):
    """What ``chat.completions.stream(...)`` returns: use it in a ``with`` block."""

    def __enter__(self) -> ChatCompletionStream[ParsedT]:
        self._stream = ChatCompletionStream(self._opener()(), self._finish, self._state())
        return self._stream



class AsyncChatCompletionStreamManager(
    _Manager[ParsedT, AsyncChatCompletionStream[ParsedT]], AsyncManagerExit
):
    """What ``chat.completions.stream(...)`` returns on an ``AsyncClient``: use ``async with``."""

    async def __aenter__(self) -> AsyncChatCompletionStream[ParsedT]:
        self._stream = AsyncChatCompletionStream(await self._opener()(), self._finish, self._state())
        return self._stream

