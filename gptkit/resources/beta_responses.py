"""``client.beta.responses``: the beta Responses API (multi-agent responses), over the Responses
machinery of ``client.responses``.

The same calls as ``client.responses`` (create, retrieve, delete, cancel, input items, input token
counts), sent to the beta path (``/responses?beta=true``) with ``betas=[...]`` as the
``OpenAI-Beta`` header, and read into the beta types (``gptkit.types.beta``): each output item
and stream event names the ``agent`` of a multi-agent response it belongs to. Budgets, limits,
retries, events and the ledger apply as to any call.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Final, Generic, Literal, TypeVar, cast, overload

from typing_extensions import Unpack

from gptkit.resources._beta_responses_plan import (
    CANCEL,
    COUNT_TOKENS,
    CREATE,
    DELETE,
    RETRIEVE,
    beta_options,
    list_items,
)
from gptkit.resources._common import path_with
from gptkit.resources._resource import AsyncResource, Sub, SyncResource, _Resource
from gptkit.resources._responses_plan import items_query, retrieve_params, tools_shaped
from gptkit.resources._twin import Awaits, twin, twin_list
from gptkit.resources.responses import InputTokenCountKwargs
from gptkit.types.beta.beta_response import BetaResponse
from gptkit.types.beta.response_create_params import BetaResponseCreateArgs
from gptkit.types.request_options import RequestOptions
from gptkit.types.responses.input_token_count_response import InputTokenCountResponse

if TYPE_CHECKING:  # streams and the input item pages load with their first use
    from gptkit._streams._stream import AsyncStream, Stream  # noqa: F401  (the bases' strings name them)
    from gptkit.pagination import SyncCursorPage
    from gptkit.types.beta.beta_response_item import BetaResponseItem
    from gptkit.types.beta.beta_response_stream_event import BetaResponseStreamEvent  # noqa: F401

__all__ = [
    "AsyncBetaInputItems",
    "AsyncBetaInputTokens",
    "AsyncBetaResponses",
    "BetaInputItems",
    "BetaInputTokens",
    "BetaResponseCreateKwargs",
    "BetaResponses",
    "Betas",
]

#: The betas to ask for (``"responses_multi_agent=v1"``; any name is sent as given: the list grows).
Betas = Sequence[str]


class BetaResponseCreateKwargs(BetaResponseCreateArgs, RequestOptions, total=False):
    """The keyword arguments of ``beta.responses.create`` other than ``stream`` and ``betas``."""


class BetaInputItems(SyncResource):
    """The input items of stored beta responses (``client.beta.responses.input_items``)."""

    def list(
        self, response_id: str, *, after: str | None = None, include: Sequence[str] | None = None,
        limit: int | None = None, order: Literal["asc", "desc"] | None = None, betas: Betas | None = None,
        **options: Unpack[RequestOptions],
    ) -> SyncCursorPage[BetaResponseItem]:
        """The items a response was given (``BetaResponseItem``), newest first unless
        ``order="asc"``; iterating goes through every page."""
        path, query = items_query(response_id, after, include, limit, order)
        sent = beta_options("beta.responses.input_items.list", betas, options)
        return cast("SyncCursorPage[BetaResponseItem]", self._list(list_items(), query, sent, path))


class AsyncBetaInputItems(AsyncResource):
    """The input items of stored beta responses (``client.beta.responses.input_items``)."""

    list: Final = twin_list(BetaInputItems.list)


class BetaInputTokens(SyncResource):
    """Input token counts (``client.beta.responses.input_tokens``)."""

    def count(
        self, *, betas: Betas | None = None, **params: Unpack[InputTokenCountKwargs]
    ) -> InputTokenCountResponse:
        """How many input tokens a ``beta.responses.create`` call with these parameters would use."""
        sent = beta_options("beta.responses.input_tokens.count", betas, params)
        return cast(InputTokenCountResponse, self._send(COUNT_TOKENS, sent))


class AsyncBetaInputTokens(AsyncResource):
    """Input token counts (``client.beta.responses.input_tokens``)."""

    count: Final = twin(BetaInputTokens.count)


_Plain = TypeVar("_Plain")
_Streamed = TypeVar("_Streamed")
_Either = TypeVar("_Either")


class _BetaResponsesCore(_Resource, Generic[_Plain, _Streamed, _Either]):
    """``create`` and ``retrieve`` written once; the results they declare are each client's (see
    ``_twin``)."""

    @overload
    def create(
        self, *, stream: Literal[False] | None = None, betas: Betas | None = None,
        **params: Unpack[BetaResponseCreateKwargs],
    ) -> _Plain: ...
    @overload
    def create(
        self, *, stream: Literal[True], betas: Betas | None = None, **params: Unpack[BetaResponseCreateKwargs]
    ) -> _Streamed: ...
    @overload
    def create(
        self, *, stream: bool, betas: Betas | None = None, **params: Unpack[BetaResponseCreateKwargs]
    ) -> _Either: ...
    def create(
        self, *, stream: bool | None = None, betas: Betas | None = None,
        **params: Unpack[BetaResponseCreateKwargs],
    ) -> Any:
        """Create a model response, as ``client.responses.create`` does, with the beta parameters
        (``multi_agent={"enabled": True}``) and ``betas=["responses_multi_agent=v1"]`` (sent as the
        ``OpenAI-Beta`` header). Returns a ``BetaResponse``, or with ``stream=True`` a ``Stream``
        (``AsyncStream``) of ``BetaResponseStreamEvent``: each output item and event has the
        ``agent`` it belongs to (None for the coordinator's own)."""
        sent = beta_options("beta.responses.create", betas, tools_shaped(params))
        return self._client._execute(self._client._prepare(CREATE, sent, stream=bool(stream), raw=self._raw))

    @overload
    def retrieve(
        self, response_id: str, *, include: Sequence[str] | None = None,
        include_obfuscation: bool | None = None, starting_after: int | None = None,
        stream: Literal[False] | None = None, betas: Betas | None = None, **options: Unpack[RequestOptions],
    ) -> _Plain: ...
    @overload
    def retrieve(
        self, response_id: str, *, include: Sequence[str] | None = None,
        include_obfuscation: bool | None = None, starting_after: int | None = None,
        stream: Literal[True], betas: Betas | None = None, **options: Unpack[RequestOptions],
    ) -> _Streamed: ...
    def retrieve(
        self, response_id: str, *, include: Sequence[str] | None = None,
        include_obfuscation: bool | None = None, starting_after: int | None = None,
        stream: bool | None = None, betas: Betas | None = None, **options: Unpack[RequestOptions],
    ) -> Any:
        """A stored response as it is now, or (``stream=True``, a background response) its events
        after ``starting_after`` (see ``client.responses.retrieve``)."""
        path, merged = retrieve_params(response_id, include, include_obfuscation, starting_after, stream,
                                       options)
        call = self._client._prepare(RETRIEVE, beta_options("beta.responses.retrieve", betas, merged),
                                     raw=self._raw, path=path)
        call.stream = bool(stream)
        return self._client._execute(call)


class BetaResponses(
    _BetaResponsesCore[BetaResponse, "Stream[BetaResponseStreamEvent]",
                       "BetaResponse | Stream[BetaResponseStreamEvent]"],
    SyncResource,
):
    """The beta Responses API of a ``Client`` (``client.beta.responses``)."""

    def delete(
        self, response_id: str, *, betas: Betas | None = None, **options: Unpack[RequestOptions]
    ) -> None:
        """Delete a stored response."""
        path = path_with(DELETE.path, "beta.responses.delete", response_id=response_id)
        result: None = self._send(DELETE, beta_options("beta.responses.delete", betas, options), path)
        return result

    def cancel(
        self, response_id: str, *, betas: Betas | None = None, **options: Unpack[RequestOptions]
    ) -> BetaResponse:
        """Cancel a background response still running; it comes back ``cancelled``."""
        path = path_with(CANCEL.path, "beta.responses.cancel", response_id=response_id)
        sent = beta_options("beta.responses.cancel", betas, options)
        return cast(BetaResponse, self._send(CANCEL, sent, path))

    input_items: Final = Sub(BetaInputItems, AsyncBetaInputItems)
    """``client.beta.responses.input_items``: the items a response was given."""

    input_tokens: Final = Sub(BetaInputTokens, AsyncBetaInputTokens)
    """``client.beta.responses.input_tokens``: count a request's input tokens without running it."""


class AsyncBetaResponses(
    _BetaResponsesCore[Awaits[BetaResponse], "Awaits[AsyncStream[BetaResponseStreamEvent]]",
                       "Awaits[BetaResponse | AsyncStream[BetaResponseStreamEvent]]"],
    AsyncResource,
):
    """The beta Responses API of an ``AsyncClient`` (``client.beta.responses``): ``BetaResponses``'s
    methods, awaited."""

    if not TYPE_CHECKING:
        create = twin(_BetaResponsesCore.create)
        retrieve = twin(_BetaResponsesCore.retrieve)
    delete: Final = twin(BetaResponses.delete)
    cancel: Final = twin(BetaResponses.cancel)

    input_items: Final = Sub(BetaInputItems, AsyncBetaInputItems)
    """``client.beta.responses.input_items``: the items a response was given."""

    input_tokens: Final = Sub(BetaInputTokens, AsyncBetaInputTokens)
    """``client.beta.responses.input_tokens``: count a request's input tokens without running it."""
