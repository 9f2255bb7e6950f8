"""``client.completions``: the legacy text completions that classic GPT tutorials use."""

from __future__ import annotations

from typing import Literal, overload

from typing_extensions import Unpack

from gptkit._core._base import Endpoint
from gptkit._core._params import ParamValidator
from gptkit._streams._stream import AsyncStream, Stream
from gptkit.resources._resource import AsyncResource, SyncResource
from gptkit.types.completion import Completion
from gptkit.types.completion_params import CompletionCreateArgs, CompletionCreateParams
from gptkit.types.request_options import RequestOptions

__all__ = ["AsyncCompletions", "CompletionCreateKwargs", "Completions"]

COMPLETIONS = Endpoint(
    method="POST",
    path="/completions",
    response=Completion,
    validator=ParamValidator(CompletionCreateParams, "completions.create"),
    chunk=Completion,
    stream_usage=True,
)


class CompletionCreateKwargs(CompletionCreateArgs, RequestOptions, total=False):
    """The keyword arguments of ``completions.create`` other than ``stream``."""


class Completions(SyncResource):
    """Legacy text completions of a ``Client``."""

    @overload
    def create(
        self, *, stream: Literal[False] | None = None, **params: Unpack[CompletionCreateKwargs]
    ) -> Completion: ...
    @overload
    def create(
        self, *, stream: Literal[True], **params: Unpack[CompletionCreateKwargs]
    ) -> Stream[Completion]: ...
    @overload
    def create(
        self, *, stream: bool, **params: Unpack[CompletionCreateKwargs]
    ) -> Completion | Stream[Completion]: ...
    def create(
        self, *, stream: bool | None = None, **params: Unpack[CompletionCreateKwargs]
    ) -> Completion | Stream[Completion]:
        """Complete a text prompt (``POST /completions``); ``stream=True`` yields chunks."""
        call = self._client._prepare(COMPLETIONS, params, stream=bool(stream), raw=self._raw)
        result: Completion | Stream[Completion] = self._client._execute(call)
        return result


class AsyncCompletions(AsyncResource):
    """Legacy text completions of an ``AsyncClient``."""

    @overload
    async def create(
        self, *, stream: Literal[False] | None = None, **params: Unpack[CompletionCreateKwargs]
    ) -> Completion: ...
    @overload
    async def create(
        self, *, stream: Literal[True], **params: Unpack[CompletionCreateKwargs]
    ) -> AsyncStream[Completion]: ...
    @overload
    async def create(
        self, *, stream: bool, **params: Unpack[CompletionCreateKwargs]
    ) -> Completion | AsyncStream[Completion]: ...
    async def create(
        self, *, stream: bool | None = None, **params: Unpack[CompletionCreateKwargs]
    ) -> Completion | AsyncStream[Completion]:
        """Complete a text prompt (``POST /completions``); ``stream=True`` yields chunks."""
        call = self._client._prepare(COMPLETIONS, params, stream=bool(stream), raw=self._raw)
        result: Completion | AsyncStream[Completion] = await self._client._execute(call)
        return result
