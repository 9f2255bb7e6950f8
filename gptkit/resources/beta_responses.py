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
from typing import TYPE_CHECKING, Final, Literal, cast, overload

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
from gptkit.resources._resource import AsyncResource, SyncResource
from gptkit.resources._responses_plan import items_query, retrieve_params, tools_shaped
from gptkit.resources._twin import twin, twin_list
from gptkit.resources.responses import InputTokenCountKwargs
from gptkit.types.beta.beta_response import BetaResponse
from gptkit.types.beta.response_create_params import BetaResponseCreateArgs
from gptkit.types.request_options import RequestOptions
from gptkit.types.responses.input_token_count_response import InputTokenCountResponse

if TYPE_CHECKING:  # streams and the input item pages load with their first use
    from gptkit._streams._stream import AsyncStream, Stream
    from gptkit.pagination import SyncCursorPage
    from gptkit.types.beta.beta_response_item import BetaResponseItem
    from gptkit.types.beta.beta_response_stream_event import BetaResponseStreamEvent

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


class BetaResponses(SyncResource):
    """The beta Responses API of a ``Client`` (``client.beta.responses``)."""

    @overload
    def create(
        self, *, stream: Literal[False] | None = None, betas: Betas | None = None,
        **params: Unpack[BetaResponseCreateKwargs],
    ) -> BetaResponse: ...
    @overload
    def create(
        self, *, stream: Literal[True], betas: Betas | None = None, **params: Unpack[BetaResponseCreateKwargs]
    ) -> Stream[BetaResponseStreamEvent]: ...
    @overload
    def create(
        self, *, stream: bool, betas: Betas | None = None, **params: Unpack[BetaResponseCreateKwargs]
    ) -> BetaResponse | Stream[BetaResponseStreamEvent]: ...
    def create(
        self, *, stream: bool | None = None, betas: Betas | None = None,
        **params: Unpack[BetaResponseCreateKwargs],
    ) -> BetaResponse | Stream[BetaResponseStreamEvent]:
        """Create a model response, as ``client.responses.create`` does, with the beta parameters
        (``multi_agent={"enabled": True}``) and ``betas=["responses_multi_agent=v1"]`` (sent as the
        ``OpenAI-Beta`` header). Returns a ``BetaResponse``, or with ``stream=True`` a ``Stream`` of
        ``BetaResponseStreamEvent``: each output item and event has the ``agent`` it belongs to
        (None for the coordinator's own)."""
        sent = beta_options("beta.responses.create", betas, tools_shaped(params))
        call = self._client._prepare(CREATE, sent, stream=bool(stream), raw=self._raw)
        result: BetaResponse | Stream[BetaResponseStreamEvent] = self._client._execute(call)
        return result

    @overload
    def retrieve(
        self, response_id: str, *, include: Sequence[str] | None = None,
        include_obfuscation: bool | None = None, starting_after: int | None = None,
        stream: Literal[False] | None = None, betas: Betas | None = None, **options: Unpack[RequestOptions],
    ) -> BetaResponse: ...
    @overload
    def retrieve(
        self, response_id: str, *, include: Sequence[str] | None = None,
        include_obfuscation: bool | None = None, starting_after: int | None = None,
        stream: Literal[True], betas: Betas | None = None, **options: Unpack[RequestOptions],
    ) -> Stream[BetaResponseStreamEvent]: ...
    def retrieve(
        self, response_id: str, *, include: Sequence[str] | None = None,
        include_obfuscation: bool | None = None, starting_after: int | None = None,
        stream: bool | None = None, betas: Betas | None = None, **options: Unpack[RequestOptions],
    ) -> BetaResponse | Stream[BetaResponseStreamEvent]:
        """A stored response as it is now, or (``stream=True``, a background response) its events
        after ``starting_after`` (see ``client.responses.retrieve``)."""
        path, merged = retrieve_params(response_id, include, include_obfuscation, starting_after, stream,
                                       options)
        call = self._client._prepare(RETRIEVE, beta_options("beta.responses.retrieve", betas, merged),
                                     raw=self._raw, path=path)
        call.stream = bool(stream)
        result: BetaResponse | Stream[BetaResponseStreamEvent] = self._client._execute(call)
        return result

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

    @property
    def input_items(self) -> BetaInputItems:
        """``client.beta.responses.input_items``: the items a response was given."""
        return self._sub(BetaInputItems)

    @property
    def input_tokens(self) -> BetaInputTokens:
        """``client.beta.responses.input_tokens``: count a request's input tokens without running it."""
        return self._sub(BetaInputTokens)


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


class BetaInputTokens(SyncResource):
    """Input token counts (``client.beta.responses.input_tokens``)."""

    def count(
        self, *, betas: Betas | None = None, **params: Unpack[InputTokenCountKwargs]
    ) -> InputTokenCountResponse:
        """How many input tokens a ``beta.responses.create`` call with these parameters would use."""
        sent = beta_options("beta.responses.input_tokens.count", betas, params)
        return cast(InputTokenCountResponse, self._send(COUNT_TOKENS, sent))


class AsyncBetaResponses(AsyncResource):
    """The beta Responses API of an ``AsyncClient`` (``client.beta.responses``)."""

    @overload
    async def create(
        self, *, stream: Literal[False] | None = None, betas: Betas | None = None,
        **params: Unpack[BetaResponseCreateKwargs],
    ) -> BetaResponse: ...
    @overload
    async def create(
        self, *, stream: Literal[True], betas: Betas | None = None, **params: Unpack[BetaResponseCreateKwargs]
    ) -> AsyncStream[BetaResponseStreamEvent]: ...
    @overload
    async def create(
        self, *, stream: bool, betas: Betas | None = None, **params: Unpack[BetaResponseCreateKwargs]
    ) -> BetaResponse | AsyncStream[BetaResponseStreamEvent]: ...
    async def create(
        self, *, stream: bool | None = None, betas: Betas | None = None,
        **params: Unpack[BetaResponseCreateKwargs],
    ) -> BetaResponse | AsyncStream[BetaResponseStreamEvent]:
        """Create a model response (see ``BetaResponses.create``); ``stream=True`` gives an
        ``AsyncStream`` of ``BetaResponseStreamEvent``."""
        sent = beta_options("beta.responses.create", betas, tools_shaped(params))
        call = self._client._prepare(CREATE, sent, stream=bool(stream), raw=self._raw)
        result: BetaResponse | AsyncStream[BetaResponseStreamEvent] = await self._client._execute(call)
        return result

    @overload
    async def retrieve(
        self, response_id: str, *, include: Sequence[str] | None = None,
        include_obfuscation: bool | None = None, starting_after: int | None = None,
        stream: Literal[False] | None = None, betas: Betas | None = None, **options: Unpack[RequestOptions],
    ) -> BetaResponse: ...
    @overload
    async def retrieve(
        self, response_id: str, *, include: Sequence[str] | None = None,
        include_obfuscation: bool | None = None, starting_after: int | None = None,
        stream: Literal[True], betas: Betas | None = None, **options: Unpack[RequestOptions],
    ) -> AsyncStream[BetaResponseStreamEvent]: ...
    async def retrieve(
        self, response_id: str, *, include: Sequence[str] | None = None,
        include_obfuscation: bool | None = None, starting_after: int | None = None,
        stream: bool | None = None, betas: Betas | None = None, **options: Unpack[RequestOptions],
    ) -> BetaResponse | AsyncStream[BetaResponseStreamEvent]:
        """A stored response as it is now, or its events with ``stream=True`` (see
        ``BetaResponses.retrieve``)."""
        path, merged = retrieve_params(response_id, include, include_obfuscation, starting_after, stream,
                                       options)
        call = self._client._prepare(RETRIEVE, beta_options("beta.responses.retrieve", betas, merged),
                                     raw=self._raw, path=path)
        call.stream = bool(stream)
        result: BetaResponse | AsyncStream[BetaResponseStreamEvent] = await self._client._execute(call)
        return result

    delete: Final = twin(BetaResponses.delete)
    cancel: Final = twin(BetaResponses.cancel)

    @property
    def input_items(self) -> AsyncBetaInputItems:
        """``client.beta.responses.input_items``: the items a response was given."""
        return self._sub(AsyncBetaInputItems)

    @property
    def input_tokens(self) -> AsyncBetaInputTokens:
        """``client.beta.responses.input_tokens``: count a request's input tokens without running it."""
        return self._sub(AsyncBetaInputTokens)


class AsyncBetaInputItems(AsyncResource):
    """The input items of stored beta responses (``client.beta.responses.input_items``)."""

    list: Final = twin_list(BetaInputItems.list)


class AsyncBetaInputTokens(AsyncResource):
    """Input token counts (``client.beta.responses.input_tokens``)."""

    count: Final = twin(BetaInputTokens.count)
