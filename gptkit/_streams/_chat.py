"""``client.chat.completions.stream(...)``: the official SDK's streaming helper shape.

``with client.chat.completions.stream(model=..., messages=...) as stream:`` sends the request on
entry and closes the connection on exit. The object it yields iterates over the typed chunks,
offers ``text_stream`` (only the text of the first choice, as it arrives) and, after or instead
of iterating, ``get_final_completion()``. With ``response_format=MyModel`` (strict structured
output) the final completion is a ``ParsedChatCompletion[MyModel]`` whose messages carry the
validated ``parsed`` object, exactly as ``parse`` returns it.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from types import TracebackType
from typing import Any, Generic, TypeVar, overload

import httpx

from gptkit._streams._stream import AsyncStream, Stream, _StreamBase
from gptkit.types.chat import ChatCompletion, ChatCompletionChunk
from gptkit.types.cost import Cost
from gptkit.types.parsed_chat import ParsedChatCompletion
from gptkit.types.shared import CompletionUsage

__all__ = [
    "AsyncChatCompletionStream",
    "AsyncChatCompletionStreamManager",
    "ChatCompletionStream",
    "ChatCompletionStreamManager",
]

ParsedT = TypeVar("ParsedT")
#: What turns the accumulated completion into the caller's final object (None: use it as is).
Finisher = Callable[[ChatCompletion], Any] | None


class _Common(Generic[ParsedT]):
    _stream: _StreamBase[ChatCompletionChunk]
    _finish: Finisher

    @property
    def response(self) -> httpx.Response:
        """The HTTP response (status, headers)."""
        return self._stream.response

    @property
    def request_id(self) -> str | None:
        return self._stream.request_id

    def __repr__(self) -> str:
        return f"<{type(self).__name__} of {self._stream!r}>"

    @property
    def usage(self) -> CompletionUsage | None:
        """Token usage, once the stream has completed."""
        return self._stream.usage

    @property
    def cost(self) -> Cost | None:
        """What the call cost, once the stream has completed (None when the price is unknown)."""
        return self._stream.cost


class ChatCompletionStream(_Common[ParsedT]):
    """A chat completion being streamed: chunks, text deltas and the final completion."""

    def __init__(self, stream: Stream[ChatCompletionChunk], finish: Finisher = None) -> None:
        self._stream: Stream[ChatCompletionChunk] = stream
        self._finish = finish

    @property
    def stream(self) -> Stream[ChatCompletionChunk]:
        """The underlying chunk stream."""
        return self._stream

    def __iter__(self) -> Iterator[ChatCompletionChunk]:
        return iter(self._stream)

    def __next__(self) -> ChatCompletionChunk:
        return next(self._stream)

    @property
    def text_stream(self) -> Iterator[str]:
        """The text of the first choice, piece by piece, as it arrives."""
        for chunk in self._stream:
            for choice in chunk.choices:
                if choice.index == 0 and choice.delta.content:
                    yield choice.delta.content

    def until_done(self) -> ChatCompletionStream[ParsedT]:
        """Read the rest of the stream."""
        self._stream.until_done()
        return self

    @overload
    def get_final_completion(self: ChatCompletionStream[None]) -> ChatCompletion: ...
    @overload
    def get_final_completion(self) -> ParsedChatCompletion[ParsedT]: ...
    def get_final_completion(self) -> Any:
        """The whole ``ChatCompletion``, as a call without streaming would return it.

        With ``response_format=MyModel``: the ``ParsedChatCompletion[MyModel]`` that ``parse``
        would return (and its errors: cut off, filtered, or not matching the model).
        """
        final = self._stream.get_final_completion()
        return final if self._finish is None else self._finish(final)

    def close(self) -> None:
        """Release the connection."""
        self._stream.close()


class AsyncChatCompletionStream(_Common[ParsedT]):
    """The async twin of ``ChatCompletionStream``."""

    def __init__(self, stream: AsyncStream[ChatCompletionChunk], finish: Finisher = None) -> None:
        self._stream: AsyncStream[ChatCompletionChunk] = stream
        self._finish = finish

    @property
    def stream(self) -> AsyncStream[ChatCompletionChunk]:
        """The underlying chunk stream."""
        return self._stream

    def __aiter__(self) -> AsyncIterator[ChatCompletionChunk]:
        return self._stream.__aiter__()

    async def __anext__(self) -> ChatCompletionChunk:
        return await self._stream.__anext__()

    @property
    def text_stream(self) -> AsyncIterator[str]:
        """The text of the first choice, piece by piece, as it arrives (``async for``)."""
        return _text_deltas(self._stream)

    async def until_done(self) -> AsyncChatCompletionStream[ParsedT]:
        """Read the rest of the stream."""
        await self._stream.until_done()
        return self

    @overload
    async def get_final_completion(self: AsyncChatCompletionStream[None]) -> ChatCompletion: ...
    @overload
    async def get_final_completion(self) -> ParsedChatCompletion[ParsedT]: ...
    async def get_final_completion(self) -> Any:
        """The whole ``ChatCompletion`` (a ``ParsedChatCompletion`` with ``response_format=Model``)."""
        final = await self._stream.get_final_completion()
        return final if self._finish is None else self._finish(final)

    async def close(self) -> None:
        """Release the connection."""
        await self._stream.aclose()

    aclose = close


async def _text_deltas(stream: AsyncStream[ChatCompletionChunk]) -> AsyncIterator[str]:
    async for chunk in stream:
        for choice in chunk.choices:
            if choice.index == 0 and choice.delta.content:
                yield choice.delta.content


class ChatCompletionStreamManager(Generic[ParsedT]):
    """What ``chat.completions.stream(...)`` returns: use it in a ``with`` block."""

    def __init__(
        self, open_stream: Callable[[], Stream[ChatCompletionChunk]], finish: Finisher = None
    ) -> None:
        self._open = open_stream
        self._finish = finish
        self._stream: ChatCompletionStream[ParsedT] | None = None

    def __enter__(self) -> ChatCompletionStream[ParsedT]:
        if self._stream is not None:
            raise RuntimeError("this stream manager was already entered; call stream() again")
        self._stream = ChatCompletionStream(self._open(), self._finish)
        return self._stream

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._stream is not None:
            self._stream.close()


class AsyncChatCompletionStreamManager(Generic[ParsedT]):
    """What ``chat.completions.stream(...)`` returns on an ``AsyncClient``: use ``async with``."""

    def __init__(
        self, open_stream: Callable[[], Awaitable[AsyncStream[ChatCompletionChunk]]], finish: Finisher = None
    ) -> None:
        self._open = open_stream
        self._finish = finish
        self._stream: AsyncChatCompletionStream[ParsedT] | None = None

    async def __aenter__(self) -> AsyncChatCompletionStream[ParsedT]:
        if self._stream is not None:
            raise RuntimeError("this stream manager was already entered; call stream() again")
        self._stream = AsyncChatCompletionStream(await self._open(), self._finish)
        return self._stream

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._stream is not None:
            await self._stream.close()
