"""``client.responses``: the Responses API (create, retrieve, delete, cancel, input items and
input token counts), declared over the client's one call loop.

Every call is an ordinary call of the client: parameters checked before anything is sent, then the
budget, the rate limiter, retries, events and the ledger. Reading a stored response back (``retrieve``,
``cancel``) shows its ``cost`` without recording it again: it was billed when it was created.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Final, Generic, Literal, TypeVar, cast, overload

import pydantic
from typing_extensions import Unpack

from gptkit.resources._common import lazy_kwargs, path_with
from gptkit.resources._resource import AsyncResource, Sub, SyncResource, _Resource
from gptkit.resources._responses_plan import (
    CANCEL,
    COUNT_TOKENS,
    DELETE,
    RETRIEVE,
    items_query,
    list_items,
    plan_stream,
    retrieve_params,
    tools_shaped,
)
from gptkit.resources._responses_plan import CREATE as CREATE  # the batch runner's Responses endpoint
from gptkit.resources._responses_tools import AsyncResponsesTools, ResponsesTools
from gptkit.resources._twin import Awaits, twin, twin_list
from gptkit.types.request_options import RequestOptions
from gptkit.types.responses.input_token_count_response import InputTokenCountResponse
from gptkit.types.responses.response import Response

if TYPE_CHECKING:  # streams and the input item pages load with their first use, not with create
    # (the streams are named in strings, in the results of the classes' bases)
    from gptkit._streams._responses import AsyncResponseStreamManager, ResponseStreamManager  # noqa: F401
    from gptkit._streams._stream import AsyncStream, Stream  # noqa: F401
    from gptkit.pagination import SyncCursorPage
    from gptkit.types.responses.input_token_count_params import InputTokenCountParams
    from gptkit.types.responses.response_create_params import ResponseCreateArgs
    from gptkit.types.responses.response_item import ResponseItem
    from gptkit.types.responses.response_stream_event import ResponseStreamEvent  # noqa: F401

__all__ = [
    "AsyncInputItems",
    "AsyncInputTokens",
    "AsyncResponses",
    "InputItems",
    "InputTokenCountKwargs",
    "InputTokens",
    "ResponseCreateKwargs",
    "Responses",
]

if TYPE_CHECKING:

    class ResponseCreateKwargs(ResponseCreateArgs, RequestOptions, total=False):
        """The keyword arguments of ``responses.create`` other than ``stream``."""

    class InputTokenCountKwargs(InputTokenCountParams, RequestOptions, total=False):
        """The keyword arguments of ``responses.input_tokens.count``."""

else:
    # Defined when first named: their parameter types are not needed by a quick-checked call.
    _R, _OPTIONS = "gptkit.types.responses.", "gptkit.types.request_options:RequestOptions"
    __getattr__ = lazy_kwargs(__name__, {
        "ResponseCreateKwargs": ("The keyword arguments of ``responses.create`` other than ``stream``.",
                                 (_R + "response_create_params:ResponseCreateArgs", _OPTIONS)),
        "InputTokenCountKwargs": ("The keyword arguments of ``responses.input_tokens.count``.",
                                  (_R + "input_token_count_params:InputTokenCountParams", _OPTIONS)),
    })


class InputItems(SyncResource):
    """The input items of stored responses (``client.responses.input_items``)."""

    def list(
        self, response_id: str, *, after: str | None = None, include: Sequence[str] | None = None,
        limit: int | None = None, order: Literal["asc", "desc"] | None = None,
        **options: Unpack[RequestOptions],
    ) -> SyncCursorPage[ResponseItem]:
        """The items a response was given, newest first unless ``order="asc"``; iterating goes
        through every page."""
        path, query = items_query(response_id, after, include, limit, order)
        return cast("SyncCursorPage[ResponseItem]", self._list(list_items(), query, options, path))


class AsyncInputItems(AsyncResource):
    """The input items of stored responses (``client.responses.input_items``)."""

    list: Final = twin_list(InputItems.list)


class InputTokens(SyncResource):
    """Input token counts (``client.responses.input_tokens``)."""

    def count(self, **params: Unpack[InputTokenCountKwargs]) -> InputTokenCountResponse:
        """How many input tokens a ``responses.create`` call with these parameters would use."""
        return cast(InputTokenCountResponse, self._send(COUNT_TOKENS, params))


class AsyncInputTokens(AsyncResource):
    """Input token counts (``client.responses.input_tokens``)."""

    count: Final = twin(InputTokens.count)


_Plain = TypeVar("_Plain")
_Streamed = TypeVar("_Streamed")
_Either = TypeVar("_Either")
_Manager = TypeVar("_Manager")


class _ResponsesCore(_Resource, Generic[_Plain, _Streamed, _Either, _Manager]):
    """``create``, ``retrieve``, ``stream`` and ``wait`` written once; the results they declare
    are each client's (see ``_twin``)."""

    @overload
    def create(
        self, *, stream: Literal[False] | None = None, **params: Unpack[ResponseCreateKwargs]
    ) -> _Plain: ...
    @overload
    def create(self, *, stream: Literal[True], **params: Unpack[ResponseCreateKwargs]) -> _Streamed: ...
    @overload
    def create(self, *, stream: bool, **params: Unpack[ResponseCreateKwargs]) -> _Either: ...
    def create(self, *, stream: bool | None = None, **params: Unpack[ResponseCreateKwargs]) -> Any:
        """Create a model response: ``input`` (a string or a list of items) and ``model``, plus any
        parameter of the API's ``POST /responses``, checked before sending; also ``extra_headers``,
        ``extra_query``, ``extra_body``, ``timeout`` and ``tags``. ``response.output_text`` is the
        answer's text; with ``background=True`` the response comes back ``queued`` (poll it with
        ``retrieve``, or ``wait`` for it). With ``stream=True``: a ``Stream`` (``AsyncStream``) of
        typed events (``response.created``, ``response.output_text.delta``, ...,
        ``response.completed``); ``get_final_response()`` is the ``Response`` a plain call returns."""
        call = self._client._prepare(CREATE, tools_shaped(params), stream=bool(stream), raw=self._raw)
        return self._client._execute(call)

    @overload
    def retrieve(
        self, response_id: str, *, include: Sequence[str] | None = None,
        include_obfuscation: bool | None = None, starting_after: int | None = None,
        stream: Literal[False] | None = None, **options: Unpack[RequestOptions],
    ) -> _Plain: ...
    @overload
    def retrieve(
        self, response_id: str, *, include: Sequence[str] | None = None,
        include_obfuscation: bool | None = None, starting_after: int | None = None,
        stream: Literal[True], **options: Unpack[RequestOptions],
    ) -> _Streamed: ...
    def retrieve(
        self, response_id: str, *, include: Sequence[str] | None = None,
        include_obfuscation: bool | None = None, starting_after: int | None = None,
        stream: bool | None = None, **options: Unpack[RequestOptions],
    ) -> Any:
        """A stored response as it is now (a background one: ``queued``, ``in_progress``, then
        finished). Its ``cost`` is shown, not recorded again: it was billed when created. With
        ``stream=True`` (a background response): its events, those after ``starting_after`` only
        when given, as ``create(stream=True)`` streams them."""
        path, merged = retrieve_params(response_id, include, include_obfuscation, starting_after, stream,
                                       options)
        call = self._client._prepare(RETRIEVE, merged, raw=self._raw, path=path)
        call.stream = bool(stream)
        return self._client._execute(call)

    def stream(
        self, *, response_id: str | None = None, starting_after: int | None = None,
        text_format: type[pydantic.BaseModel] | None = None, **params: Unpack[ResponseCreateKwargs],
    ) -> _Manager:
        """Stream a response in a ``with`` block (``async with`` on an ``AsyncClient``), the
        official helper's shape::

            with client.responses.stream(model="gpt-4o", input="Hi") as stream:
                for text in stream.text_stream:
                    print(text, end="")
            response = stream.get_final_response()

        Takes ``responses.create``'s parameters (checked now, sent on entering the block). With
        ``response_id=`` instead: attach to a background response, showing its events after
        ``starting_after`` (the final response is still whole). With ``text_format=Model``, the
        final response is a ``ParsedResponse`` whose ``output_parsed`` is a ``Model``, as with
        ``parse``.
        """
        from gptkit._streams._responses import AsyncResponseStreamManager, ResponseStreamManager

        call, finish = plan_stream(self._client, response_id, starting_after, params, text_format)
        manager: Any = AsyncResponseStreamManager if self._is_async else ResponseStreamManager
        result: _Manager = manager(lambda: self._client._execute(call), starting_after=starting_after,
                                   finish=finish)
        return result

    def wait(
        self, response_id: str, *, poll_interval_ms: int | None = None, max_wait_seconds: float | None = None,
        **options: Unpack[RequestOptions],
    ) -> _Plain:
        """Wait for a background response to finish and return it (``completed``, ``incomplete`` or
        ``cancelled``). Retrieves it every ``poll_interval_ms`` (default 500), the pause growing by
        half each time up to 10 s; after ``max_wait_seconds`` seconds (default: no limit) raises
        ``APITimeoutError``; a ``failed`` response raises ``ResponseFailedError``."""
        from gptkit._responses._wait import wait_steps

        path_with(RETRIEVE.path, "responses.wait", response_id=response_id)  # a bad id fails now
        result: _Plain = self._steps(wait_steps(lambda: self.retrieve(response_id, **options), self._sleep,
                                                poll_interval_ms, max_wait_seconds))
        return result


class Responses(
    _ResponsesCore[Response, "Stream[ResponseStreamEvent]", "Response | Stream[ResponseStreamEvent]",
                   "ResponseStreamManager"],
    ResponsesTools,
):
    """The Responses API of a ``Client``."""

    def delete(self, response_id: str, **options: Unpack[RequestOptions]) -> None:
        """Delete a stored response."""
        path = path_with(DELETE.path, "responses.delete", response_id=response_id)
        result: None = self._send(DELETE, dict(options), path)  # an ``APIResponse`` when raw
        return result

    def cancel(self, response_id: str, **options: Unpack[RequestOptions]) -> Response:
        """Cancel a background response still running; it comes back ``cancelled``."""
        path = path_with(CANCEL.path, "responses.cancel", response_id=response_id)
        return cast(Response, self._send(CANCEL, dict(options), path))

    input_items: Final = Sub(InputItems, AsyncInputItems)
    """``client.responses.input_items``: the items a response was given."""

    input_tokens: Final = Sub(InputTokens, AsyncInputTokens)
    """``client.responses.input_tokens``: count a request's input tokens without running it."""


class AsyncResponses(
    _ResponsesCore[Awaits[Response], "Awaits[AsyncStream[ResponseStreamEvent]]",
                   "Awaits[Response | AsyncStream[ResponseStreamEvent]]", "AsyncResponseStreamManager"],
    AsyncResponsesTools,
):
    """The Responses API of an ``AsyncClient``: ``Responses``'s methods, awaited."""

    if not TYPE_CHECKING:
        create = twin(_ResponsesCore.create)
        retrieve = twin(_ResponsesCore.retrieve)
        wait = twin(_ResponsesCore.wait)
    delete: Final = twin(Responses.delete)
    cancel: Final = twin(Responses.cancel)

    input_items: Final = Sub(InputItems, AsyncInputItems)
    """``client.responses.input_items``: the items a response was given."""

    input_tokens: Final = Sub(InputTokens, AsyncInputTokens)
    """``client.responses.input_tokens``: count a request's input tokens without running it."""
