"""``client.completions``: the legacy text completions that classic GPT tutorials use."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar, overload

from typing_extensions import Unpack

from gptkit._core._base import Endpoint
from gptkit._core._params import ParamValidator
from gptkit.resources._resource import AsyncResource, SyncResource, _Resource
from gptkit.resources._twin import Awaits, twin
from gptkit.types.completion import Completion
from gptkit.types.completion_params import CompletionCreateArgs, CompletionCreateParams
from gptkit.types.request_options import RequestOptions

if TYPE_CHECKING:  # named in the results of the classes' bases (strings: loaded when streamed)
    from gptkit._streams._stream import AsyncStream, Stream  # noqa: F401

__all__ = ["AsyncCompletions", "CompletionCreateKwargs", "Completions"]

COMPLETIONS = Endpoint(
    method="POST",
    path="/completions",
    response=Completion,
    validator=ParamValidator(CompletionCreateParams, "completions.create"),
    chunk=Completion,
    stream_usage=True,
)
_Plain = TypeVar("_Plain")
_Streamed = TypeVar("_Streamed")
_Either = TypeVar("_Either")


class CompletionCreateKwargs(CompletionCreateArgs, RequestOptions, total=False):
    """The keyword arguments of ``completions.create`` other than ``stream``."""


class _CompletionsAPI(_Resource, Generic[_Plain, _Streamed, _Either]):
    """``create`` written once; the results it declares are each client's (see ``_twin``)."""

    @overload
    def create(
        self, *, stream: Literal[False] | None = None, **params: Unpack[CompletionCreateKwargs]
    ) -> _Plain: ...
    @overload
    def create(self, *, stream: Literal[True], **params: Unpack[CompletionCreateKwargs]) -> _Streamed: ...
    @overload
    def create(self, *, stream: bool, **params: Unpack[CompletionCreateKwargs]) -> _Either: ...
    def create(self, *, stream: bool | None = None, **params: Unpack[CompletionCreateKwargs]) -> Any:
        """Complete a text prompt (``POST /completions``); ``stream=True`` yields chunks."""
        call = self._client._prepare(COMPLETIONS, params, stream=bool(stream), raw=self._raw)
        return self._client._execute(call)


class Completions(_CompletionsAPI[Completion, "Stream[Completion]", "Completion | Stream[Completion]"],
                  SyncResource):
    """Legacy text completions of a ``Client``."""


class AsyncCompletions(
    _CompletionsAPI[Awaits[Completion], "Awaits[AsyncStream[Completion]]",
                    "Awaits[Completion | AsyncStream[Completion]]"],
    AsyncResource,
):
    """Legacy text completions of an ``AsyncClient``."""

    if not TYPE_CHECKING:
        create = twin(_CompletionsAPI.create)
