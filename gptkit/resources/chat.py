"""``client.chat.completions``: chat completions, streamed or not."""

from __future__ import annotations

from typing import Literal, overload

from typing_extensions import Unpack

from gptkit._base import Endpoint
from gptkit._chat_stream import AsyncChatCompletionStreamManager, ChatCompletionStreamManager
from gptkit._params import ParamValidator
from gptkit._streaming import AsyncStream, Stream
from gptkit.resources._resource import AsyncResource, SyncResource
from gptkit.types.chat import ChatCompletion, ChatCompletionChunk
from gptkit.types.chat_params import ChatCompletionCreateArgs, ChatCompletionCreateParams
from gptkit.types.request_options import RequestOptions

__all__ = ["AsyncChat", "AsyncChatCompletions", "Chat", "ChatCompletionCreateKwargs", "ChatCompletions"]

CHAT_COMPLETIONS = Endpoint(
    method="POST",
    path="/chat/completions",
    response=ChatCompletion,
    validator=ParamValidator(ChatCompletionCreateParams, "chat.completions.create"),
    chunk=ChatCompletionChunk,
    stream_usage=True,
)


class ChatCompletionCreateKwargs(ChatCompletionCreateArgs, RequestOptions, total=False):
    """The keyword arguments of ``chat.completions.create`` other than ``stream``."""


class ChatCompletions(SyncResource):
    """Chat completions of a ``Client``."""

    @overload
    def create(
        self, *, stream: Literal[False] | None = None, **params: Unpack[ChatCompletionCreateKwargs]
    ) -> ChatCompletion: ...
    @overload
    def create(
        self, *, stream: Literal[True], **params: Unpack[ChatCompletionCreateKwargs]
    ) -> Stream[ChatCompletionChunk]: ...
    @overload
    def create(
        self, *, stream: bool, **params: Unpack[ChatCompletionCreateKwargs]
    ) -> ChatCompletion | Stream[ChatCompletionChunk]: ...
    def create(
        self, *, stream: bool | None = None, **params: Unpack[ChatCompletionCreateKwargs]
    ) -> ChatCompletion | Stream[ChatCompletionChunk]:
        """Create a chat completion; with ``stream=True``, iterate over its chunks as they arrive.

        Takes every parameter of the API's ``POST /chat/completions`` (validated before sending)
        plus ``extra_headers``, ``extra_query``, ``extra_body``, ``timeout`` and ``tags``.
        """
        call = self._client._prepare(CHAT_COMPLETIONS, params, stream=bool(stream), raw=self._raw)
        result: ChatCompletion | Stream[ChatCompletionChunk] = self._client._execute(call)
        return result

    def stream(self, **params: Unpack[ChatCompletionCreateKwargs]) -> ChatCompletionStreamManager:
        """Stream a chat completion in a ``with`` block (the official SDK's helper shape).

        ``with client.chat.completions.stream(model=..., messages=...) as stream:`` yields an
        object to iterate over chunks, with ``text_stream`` for the text alone and
        ``get_final_completion()``. Parameters are validated now; the request is sent on entry.
        """
        call = self._client._prepare(CHAT_COMPLETIONS, params, stream=True)
        return ChatCompletionStreamManager(lambda: self._client._execute(call))


class AsyncChatCompletions(AsyncResource):
    """Chat completions of an ``AsyncClient``."""

    @overload
    async def create(
        self, *, stream: Literal[False] | None = None, **params: Unpack[ChatCompletionCreateKwargs]
    ) -> ChatCompletion: ...
    @overload
    async def create(
        self, *, stream: Literal[True], **params: Unpack[ChatCompletionCreateKwargs]
    ) -> AsyncStream[ChatCompletionChunk]: ...
    @overload
    async def create(
        self, *, stream: bool, **params: Unpack[ChatCompletionCreateKwargs]
    ) -> ChatCompletion | AsyncStream[ChatCompletionChunk]: ...
    async def create(
        self, *, stream: bool | None = None, **params: Unpack[ChatCompletionCreateKwargs]
    ) -> ChatCompletion | AsyncStream[ChatCompletionChunk]:
        """Create a chat completion; with ``stream=True``, iterate over its chunks as they arrive.

        Takes every parameter of the API's ``POST /chat/completions`` (validated before sending)
        plus ``extra_headers``, ``extra_query``, ``extra_body``, ``timeout`` and ``tags``.
        """
        call = self._client._prepare(CHAT_COMPLETIONS, params, stream=bool(stream), raw=self._raw)
        result: ChatCompletion | AsyncStream[ChatCompletionChunk] = await self._client._execute(call)
        return result

    def stream(self, **params: Unpack[ChatCompletionCreateKwargs]) -> AsyncChatCompletionStreamManager:
        """Stream a chat completion in an ``async with`` block (the official SDK's helper shape).

        ``async with client.chat.completions.stream(model=..., messages=...) as stream:`` yields
        an object to ``async for`` over chunks, with ``text_stream`` and
        ``await get_final_completion()``. Parameters are validated now; the request is sent on entry.
        """
        call = self._client._prepare(CHAT_COMPLETIONS, params, stream=True)
        return AsyncChatCompletionStreamManager(lambda: self._client._execute(call))


class Chat(SyncResource):
    """``client.chat``: the namespace of ``client.chat.completions``."""

    @property
    def completions(self) -> ChatCompletions:
        completions = self.__dict__.get("_completions")
        if completions is None:
            completions = self.__dict__["_completions"] = ChatCompletions(self._client)
        return completions


class AsyncChat(AsyncResource):
    """``client.chat``: the namespace of ``client.chat.completions``."""

    @property
    def completions(self) -> AsyncChatCompletions:
        completions = self.__dict__.get("_completions")
        if completions is None:
            completions = self.__dict__["_completions"] = AsyncChatCompletions(self._client)
        return completions
