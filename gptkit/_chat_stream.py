"""``client.chat.completions.stream(...)``: the official SDK's streaming helper shape.

``with client.chat.completions.stream(model=..., messages=...) as stream:`` sends the request on
entry and closes the connection on exit. The object it yields iterates over the typed chunks,
offers ``text_stream`` (only the text of the first choice, as it arrives) and, after or instead
of iterating, ``get_final_completion()``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from types import TracebackType

import httpx

from gptkit._streaming import AsyncStream, Stream, _StreamBase
from gptkit.types.chat import ChatCompletion, ChatCompletionChunk
from gptkit.types.cost import Cost
from gptkit.types.shared import CompletionUsage

__all__ = [
    "AsyncChatCompletionStream",
    "AsyncChatCompletionStreamManager",
    "ChatCompletionStream",
    "ChatCompletionStreamManager",
]

class _Common:
    _stream: _StreamBase[ChatCompletionChunk]

    @property
    def response(self) -> httpx.Response:
        """The HTTP response (status, headers)."""
        return self._stream.response

    @property
    def request_id(self) -> str | None:
        return self._stream.request_id

    @property
    def usage(self) -> CompletionUsage | None:
        """Token usage, once the stream has completed."""
        return self._stream.usage

    @property
    def cost(self) -> Cost | None:
        """What the call cost, once the stream has completed (None when the price is unknown)."""
        return self._stream.cost


class ChatCompletionStream(_Common):
    """A chat completion being streamed: chunks, text deltas and the final completion."""

    def __init__(self, stream: Stream[ChatCompletionChunk]) -> None:
        self._stream: Stream[ChatCompletionChunk] = stream

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

    def until_done(self) -> ChatCompletionStream:
        """Read the rest of the stream."""
        self._stream.until_done()
        return self

    def get_final_completion(self) -> ChatCompletion:
        """The whole ``ChatCompletion``, as a call without streaming would return it."""
        return self._stream.get_final_completion()

    def close(self) -> None:
        """Release the connection."""
        self._stream.close()


class AsyncChatCompletionStream(_Common):
    """The async twin of ``ChatCompletionStream``."""

    def __init__(self, stream: AsyncStream[ChatCompletionChunk]) -> None:
        self._stream: AsyncStream[ChatCompletionChunk] = stream

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

    async def until_done(self) -> AsyncChatCompletionStream:
        """Read the rest of the stream."""
        await self._stream.until_done()
        return self

    async def get_final_completion(self) -> ChatCompletion:
        """The whole ``ChatCompletion``, as a call without streaming would return it."""
        return await self._stream.get_final_completion()

    async def close(self) -> None:
        """Release the connection."""
        await self._stream.aclose()

    aclose = close


async def _text_deltas(stream: AsyncStream[ChatCompletionChunk]) -> AsyncIterator[str]:
    async for chunk in stream:
        for choice in chunk.choices:
            if choice.index == 0 and choice.delta.content:
                yield choice.delta.content


class ChatCompletionStreamManager:
    """What ``chat.completions.stream(...)`` returns: use it in a ``with`` block."""

    def __init__(self, open_stream: Callable[[], Stream[ChatCompletionChunk]]) -> None:
        self._open = open_stream
        self._stream: ChatCompletionStream | None = None

    def __enter__(self) -> ChatCompletionStream:
        if self._stream is not None:
            raise RuntimeError("this stream manager was already entered; call stream() again")
        self._stream = ChatCompletionStream(self._open())
        return self._stream

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._stream is not None:
            self._stream.close()


class AsyncChatCompletionStreamManager:
    """What ``chat.completions.stream(...)`` returns on an ``AsyncClient``: use ``async with``."""

    def __init__(self, open_stream: Callable[[], Awaitable[AsyncStream[ChatCompletionChunk]]]) -> None:
        self._open = open_stream
        self._stream: AsyncChatCompletionStream | None = None

    async def __aenter__(self) -> AsyncChatCompletionStream:
        if self._stream is not None:
            raise RuntimeError("this stream manager was already entered; call stream() again")
        self._stream = AsyncChatCompletionStream(await self._open())
        return self._stream

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._stream is not None:
            await self._stream.close()
