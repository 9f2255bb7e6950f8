"""``client.responses``: the Responses API (create, retrieve, delete, cancel, input items and
input token counts), declared over the client's one call loop.

Every call is an ordinary call of the client: parameters checked before anything is sent, then the
budget, the rate limiter, retries, events and the ledger. Reading a stored response back (``retrieve``,
``cancel``) shows its ``cost`` without recording it again: it was billed when it was created.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, overload

import pydantic
from typing_extensions import Unpack

from gptkit._core._base import Call, Endpoint
from gptkit._responses._validate import ResponsesParamValidator
from gptkit.resources._common import async_list, invalid, path_with, sync_list, with_query
from gptkit.resources._quick import QUICK_RESPONSES
from gptkit.resources._resource import AsyncResource, SyncResource
from gptkit.resources._responses_tools import AsyncResponsesTools, ResponsesTools
from gptkit.types._base import ResponseObject
from gptkit.types.request_options import RequestOptions
from gptkit.types.responses.input_item_list_params import InputItemListParams
from gptkit.types.responses.input_token_count_params import InputTokenCountParams
from gptkit.types.responses.input_token_count_response import InputTokenCountResponse
from gptkit.types.responses.response import Response
from gptkit.types.responses.response_create_params import ResponseCreateArgs, ResponseCreateParams
from gptkit.types.responses.response_retrieve_params import ResponseRetrieveParams

if TYPE_CHECKING:  # streams and the input item pages load with their first use, not with create
    from gptkit._streams._responses import AsyncResponseStreamManager, ResponseStreamManager
    from gptkit._streams._stream import AsyncStream, Stream
    from gptkit.pagination import AsyncCursorPage, AsyncPaginator, SyncCursorPage
    from gptkit.types.responses.response_item import ResponseItem
    from gptkit.types.responses.response_stream_event import ResponseStreamEvent

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

#: How Responses streams are read, by name: imported by the first stream (Endpoint.stream_protocol).
_STREAM = "gptkit._streams._responses_protocol:RESPONSES_STREAM"
CREATE = Endpoint(
    method="POST", path="/responses", response=Response,
    validator=ResponsesParamValidator(ResponseCreateParams, "responses.create", quick=QUICK_RESPONSES),
    stream_protocol=_STREAM,
)
RETRIEVE = Endpoint(method="GET", path="/responses/{response_id}", response=Response, records_usage=False,
                    stream_protocol=_STREAM)
CANCEL = Endpoint(method="POST", path="/responses/{response_id}/cancel", response=Response,
                  records_usage=False)
# The API answers a deletion with a short JSON object or nothing at all; the official SDK's
# ``delete`` returns None either way.
DELETE = Endpoint(method="DELETE", path="/responses/{response_id}", response=ResponseObject,
                  parse=lambda response: None)
_ITEMS_PATH = "/responses/{response_id}/input_items"


@functools.cache
def _list_items(is_async: bool) -> Endpoint:
    """``input_items.list``'s endpoint: parametrising the page type builds its schema (~10 ms), so
    on first use rather than with ``client.responses``."""
    from gptkit.pagination import AsyncCursorPage, SyncCursorPage
    from gptkit.types.responses.response_item import ResponseItem

    page = AsyncCursorPage[ResponseItem] if is_async else SyncCursorPage[ResponseItem]
    return Endpoint(method="GET", path=_ITEMS_PATH, response=page)


COUNT_TOKENS = Endpoint(
    method="POST", path="/responses/input_tokens", response=InputTokenCountResponse,
    validator=ResponsesParamValidator(InputTokenCountParams, "responses.input_tokens.count"),
)
_RETRIEVE_QUERY = ResponsesParamValidator(ResponseRetrieveParams, "responses.retrieve")
_ITEMS_QUERY = ResponsesParamValidator(InputItemListParams, "responses.input_items.list")


class ResponseCreateKwargs(ResponseCreateArgs, RequestOptions, total=False):
    """The keyword arguments of ``responses.create`` other than ``stream``."""


class InputTokenCountKwargs(InputTokenCountParams, RequestOptions, total=False):
    """The keyword arguments of ``responses.input_tokens.count``."""


def _query(validator: ResponsesParamValidator, given: Mapping[str, Any]) -> dict[str, Any]:
    """Checked query parameters; lists go as ``name[]`` (the official SDK's array format)."""
    checked = validator.validate({k: v for k, v in given.items() if v is not None})
    return {f"{k}[]" if isinstance(v, list) else k: v for k, v in checked.items()}


def _retrieve(response_id: str, include: Sequence[str] | None, include_obfuscation: bool | None,
              starting_after: int | None, stream: object, options: Mapping[str, Any],
              ) -> tuple[str, dict[str, Any]]:
    if starting_after is not None and not stream:
        raise invalid("responses.retrieve", "starting_after", "only applies with stream=True")
    path = path_with(RETRIEVE.path, "responses.retrieve", response_id=response_id)
    query = _query(_RETRIEVE_QUERY, {"include": include, "include_obfuscation": include_obfuscation,
                                     "starting_after": starting_after, "stream": True if stream else None})
    if stream:
        query["stream"] = "true"  # the API's spelling (httpx would send "True")
    return path, with_query(options, query)


_OPTIONS = frozenset(RequestOptions.__annotations__)


def _attach(response_id: str | None, starting_after: int | None, params: Mapping[str, Any]) -> dict[str, Any]:
    """``responses.stream(response_id=...)``'s request options; refuses create parameters next to
    it, as the official helper does (an ``InvalidParameterError``, a ``ValueError``)."""
    if response_id is None:
        if starting_after is not None:
            raise invalid("responses.stream", "starting_after", "needs response_id (an existing response)")
        return {}
    extra = sorted(k for k in params if k not in _OPTIONS)
    if extra:
        raise invalid("responses.stream", extra[0], "cannot be given with response_id: a response being "
                                                    "streamed again already has its parameters")
    return dict(params)


def _plan_stream(client: Any, response_id: str | None, starting_after: int | None,
                 params: Mapping[str, Any], text_format: object = None) -> tuple[Call, Any]:
    """The call ``responses.stream(...)`` opens on entering its block (checked now, before I/O),
    and how its final response is finished (parsed into ``text_format``, or as it is). Like the
    official helper, it has no raw view: the block gives the stream itself."""
    options = _attach(response_id, starting_after, params)
    if response_id is None:
        if text_format is None:
            return client._prepare(CREATE, _tools_shaped(params), stream=True), None
        from gptkit._structured._responses import parse_response, plan_responses_parse

        plan = plan_responses_parse(params, text_format, method="stream")
        call: Call = client._prepare(CREATE, plan.params, stream=True)
        return call, lambda response: parse_response(response, plan.model, plan.tools)
    if text_format is not None:
        raise invalid("responses.stream", "text_format", "cannot be given with response_id")
    path, merged = _retrieve(response_id, None, None, None, True, options)
    call = client._prepare(RETRIEVE, merged, path=path)
    call.stream = True
    return call, None


def _tools_shaped(params: Mapping[str, Any]) -> Mapping[str, Any]:
    # gptkit's own tool builders (pydantic_function_tool, function_tool) make the chat shape;
    # converted here so they work in ``tools=`` as they do with parse and run_tools.
    if not params.get("tools"):
        return params
    from gptkit._structured._responses import responses_tools

    return {**params, "tools": responses_tools(params["tools"], method="create")[0]}


class Responses(ResponsesTools):
    """The Responses API of a ``Client``."""

    @overload
    def create(
        self, *, stream: Literal[False] | None = None, **params: Unpack[ResponseCreateKwargs]
    ) -> Response: ...
    @overload
    def create(
        self, *, stream: Literal[True], **params: Unpack[ResponseCreateKwargs]
    ) -> Stream[ResponseStreamEvent]: ...
    @overload
    def create(
        self, *, stream: bool, **params: Unpack[ResponseCreateKwargs]
    ) -> Response | Stream[ResponseStreamEvent]: ...
    def create(
        self, *, stream: bool | None = None, **params: Unpack[ResponseCreateKwargs]
    ) -> Response | Stream[ResponseStreamEvent]:
        """Create a model response: ``input`` (a string or a list of items) and ``model``, plus any
        parameter of the API's ``POST /responses``, checked before sending; also ``extra_headers``,
        ``extra_query``, ``extra_body``, ``timeout`` and ``tags``. ``response.output_text`` is the
        answer's text; with ``background=True`` the response comes back ``queued`` (poll it with
        ``retrieve``, or ``wait`` for it). With ``stream=True``: a ``Stream`` of typed events
        (``response.created``, ``response.output_text.delta``, ..., ``response.completed``);
        ``get_final_response()`` is the ``Response`` a plain call returns."""
        call = self._client._prepare(CREATE, _tools_shaped(params), stream=bool(stream), raw=self._raw)
        result: Response | Stream[ResponseStreamEvent] = self._client._execute(call)
        return result

    @overload
    def retrieve(
        self, response_id: str, *, include: Sequence[str] | None = None,
        include_obfuscation: bool | None = None, starting_after: int | None = None,
        stream: Literal[False] | None = None, **options: Unpack[RequestOptions],
    ) -> Response: ...
    @overload
    def retrieve(
        self, response_id: str, *, include: Sequence[str] | None = None,
        include_obfuscation: bool | None = None, starting_after: int | None = None,
        stream: Literal[True], **options: Unpack[RequestOptions],
    ) -> Stream[ResponseStreamEvent]: ...
    def retrieve(
        self, response_id: str, *, include: Sequence[str] | None = None,
        include_obfuscation: bool | None = None, starting_after: int | None = None,
        stream: bool | None = None, **options: Unpack[RequestOptions],
    ) -> Response | Stream[ResponseStreamEvent]:
        """A stored response as it is now (a background one: ``queued``, ``in_progress``, then
        finished). Its ``cost`` is shown, not recorded again: it was billed when created. With
        ``stream=True`` (a background response): its events, those after ``starting_after`` only
        when given, as ``create(stream=True)`` streams them."""
        path, merged = _retrieve(response_id, include, include_obfuscation, starting_after, stream, options)
        call = self._client._prepare(RETRIEVE, merged, raw=self._raw, path=path)
        call.stream = bool(stream)
        result: Response | Stream[ResponseStreamEvent] = self._client._execute(call)
        return result

    def delete(self, response_id: str, **options: Unpack[RequestOptions]) -> None:
        """Delete a stored response."""
        path = path_with(DELETE.path, "responses.delete", response_id=response_id)
        call = self._client._prepare(DELETE, dict(options), raw=self._raw, path=path)
        result: None = self._client._execute(call)  # an ``APIResponse`` for ``with_raw_response``
        return result

    def cancel(self, response_id: str, **options: Unpack[RequestOptions]) -> Response:
        """Cancel a background response still running; it comes back ``cancelled``."""
        path = path_with(CANCEL.path, "responses.cancel", response_id=response_id)
        call = self._client._prepare(CANCEL, dict(options), raw=self._raw, path=path)
        result: Response = self._client._execute(call)
        return result

    def stream(
        self, *, response_id: str | None = None, starting_after: int | None = None,
        text_format: type[pydantic.BaseModel] | None = None, **params: Unpack[ResponseCreateKwargs],
    ) -> ResponseStreamManager:
        """Stream a response in a ``with`` block (the official helper's shape)::

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
        from gptkit._streams._responses import ResponseStreamManager

        call, finish = _plan_stream(self._client, response_id, starting_after, params, text_format)
        return ResponseStreamManager(lambda: self._client._execute(call), starting_after=starting_after,
                                     finish=finish)

    def wait(
        self, response_id: str, *, poll_interval_ms: int | None = None, max_wait_seconds: float | None = None,
        **options: Unpack[RequestOptions],
    ) -> Response:
        """Wait for a background response to finish and return it (``completed``, ``incomplete`` or
        ``cancelled``). Retrieves it every ``poll_interval_ms`` (default 500), the pause growing by
        half each time up to 10 s; after ``max_wait_seconds`` seconds (default: no limit) raises
        ``APITimeoutError``; a ``failed`` response raises ``ResponseFailedError``."""
        from gptkit._responses._wait import wait_response

        path_with(RETRIEVE.path, "responses.wait", response_id=response_id)  # a bad id fails now
        result: Response = wait_response(lambda: self.retrieve(response_id, **options), poll_interval_ms,
                                         max_wait_seconds)
        return result

    @property
    def input_items(self) -> InputItems:
        """``client.responses.input_items``: the items a response was given."""
        return self._sub(InputItems)

    @property
    def input_tokens(self) -> InputTokens:
        """``client.responses.input_tokens``: count a request's input tokens without running it."""
        return self._sub(InputTokens)


class InputItems(SyncResource):
    """The input items of stored responses (``client.responses.input_items``)."""

    def list(
        self, response_id: str, *, after: str | None = None, include: Sequence[str] | None = None,
        limit: int | None = None, order: Literal["asc", "desc"] | None = None,
        **options: Unpack[RequestOptions],
    ) -> SyncCursorPage[ResponseItem]:
        """The items a response was given, newest first unless ``order="asc"``; iterating goes
        through every page."""
        path = path_with(_ITEMS_PATH, "responses.input_items.list", response_id=response_id)
        query = _query(_ITEMS_QUERY, {"after": after, "include": include, "limit": limit, "order": order})
        result: SyncCursorPage[ResponseItem] = sync_list(self, _list_items(False), query, options,
                                                            path=path)
        return result


class InputTokens(SyncResource):
    """Input token counts (``client.responses.input_tokens``)."""

    def count(self, **params: Unpack[InputTokenCountKwargs]) -> InputTokenCountResponse:
        """How many input tokens a ``responses.create`` call with these parameters would use."""
        call = self._client._prepare(COUNT_TOKENS, params, raw=self._raw)
        result: InputTokenCountResponse = self._client._execute(call)
        return result


class AsyncResponses(AsyncResponsesTools):
    """The Responses API of an ``AsyncClient``."""

    @overload
    async def create(
        self, *, stream: Literal[False] | None = None, **params: Unpack[ResponseCreateKwargs]
    ) -> Response: ...
    @overload
    async def create(
        self, *, stream: Literal[True], **params: Unpack[ResponseCreateKwargs]
    ) -> AsyncStream[ResponseStreamEvent]: ...
    @overload
    async def create(
        self, *, stream: bool, **params: Unpack[ResponseCreateKwargs]
    ) -> Response | AsyncStream[ResponseStreamEvent]: ...
    async def create(
        self, *, stream: bool | None = None, **params: Unpack[ResponseCreateKwargs]
    ) -> Response | AsyncStream[ResponseStreamEvent]:
        """Create a model response (see ``Responses.create``); ``stream=True`` gives an
        ``AsyncStream`` of typed events."""
        call = self._client._prepare(CREATE, _tools_shaped(params), stream=bool(stream), raw=self._raw)
        result: Response | AsyncStream[ResponseStreamEvent] = await self._client._execute(call)
        return result

    @overload
    async def retrieve(
        self, response_id: str, *, include: Sequence[str] | None = None,
        include_obfuscation: bool | None = None, starting_after: int | None = None,
        stream: Literal[False] | None = None, **options: Unpack[RequestOptions],
    ) -> Response: ...
    @overload
    async def retrieve(
        self, response_id: str, *, include: Sequence[str] | None = None,
        include_obfuscation: bool | None = None, starting_after: int | None = None,
        stream: Literal[True], **options: Unpack[RequestOptions],
    ) -> AsyncStream[ResponseStreamEvent]: ...
    async def retrieve(
        self, response_id: str, *, include: Sequence[str] | None = None,
        include_obfuscation: bool | None = None, starting_after: int | None = None,
        stream: bool | None = None, **options: Unpack[RequestOptions],
    ) -> Response | AsyncStream[ResponseStreamEvent]:
        """A stored response as it is now, or its events with ``stream=True`` (see
        ``Responses.retrieve``)."""
        path, merged = _retrieve(response_id, include, include_obfuscation, starting_after, stream, options)
        call = self._client._prepare(RETRIEVE, merged, raw=self._raw, path=path)
        call.stream = bool(stream)
        result: Response | AsyncStream[ResponseStreamEvent] = await self._client._execute(call)
        return result

    async def delete(self, response_id: str, **options: Unpack[RequestOptions]) -> None:
        """Delete a stored response."""
        path = path_with(DELETE.path, "responses.delete", response_id=response_id)
        call = self._client._prepare(DELETE, dict(options), raw=self._raw, path=path)
        result: None = await self._client._execute(call)  # an ``APIResponse`` for ``with_raw_response``
        return result

    async def cancel(self, response_id: str, **options: Unpack[RequestOptions]) -> Response:
        """Cancel a background response still running; it comes back ``cancelled``."""
        path = path_with(CANCEL.path, "responses.cancel", response_id=response_id)
        call = self._client._prepare(CANCEL, dict(options), raw=self._raw, path=path)
        result: Response = await self._client._execute(call)
        return result

    def stream(
        self, *, response_id: str | None = None, starting_after: int | None = None,
        text_format: type[pydantic.BaseModel] | None = None, **params: Unpack[ResponseCreateKwargs],
    ) -> AsyncResponseStreamManager:
        """Stream a response in an ``async with`` block (see ``Responses.stream``)."""
        from gptkit._streams._responses import AsyncResponseStreamManager

        call, finish = _plan_stream(self._client, response_id, starting_after, params, text_format)
        return AsyncResponseStreamManager(lambda: self._client._execute(call), starting_after=starting_after,
                                          finish=finish)

    async def wait(
        self, response_id: str, *, poll_interval_ms: int | None = None, max_wait_seconds: float | None = None,
        **options: Unpack[RequestOptions],
    ) -> Response:
        """Wait for a background response to finish and return it (see ``Responses.wait``)."""
        from gptkit._responses._wait import await_response

        path_with(RETRIEVE.path, "responses.wait", response_id=response_id)  # a bad id fails now
        result: Response = await await_response(lambda: self.retrieve(response_id, **options),
                                                poll_interval_ms, max_wait_seconds)
        return result

    @property
    def input_items(self) -> AsyncInputItems:
        """``client.responses.input_items``: the items a response was given."""
        return self._sub(AsyncInputItems)

    @property
    def input_tokens(self) -> AsyncInputTokens:
        """``client.responses.input_tokens``: count a request's input tokens without running it."""
        return self._sub(AsyncInputTokens)


class AsyncInputItems(AsyncResource):
    """The input items of stored responses (``client.responses.input_items``)."""

    def list(
        self, response_id: str, *, after: str | None = None, include: Sequence[str] | None = None,
        limit: int | None = None, order: Literal["asc", "desc"] | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPaginator[ResponseItem, AsyncCursorPage[ResponseItem]]:
        """The items a response was given: ``await`` it for one page, ``async for`` over every item."""
        path = path_with(_ITEMS_PATH, "responses.input_items.list", response_id=response_id)
        query = _query(_ITEMS_QUERY, {"after": after, "include": include, "limit": limit, "order": order})
        result: AsyncPaginator[ResponseItem, AsyncCursorPage[ResponseItem]] = async_list(
            self, _list_items(True), query, options, path=path)
        return result


class AsyncInputTokens(AsyncResource):
    """Input token counts (``client.responses.input_tokens``)."""

    async def count(self, **params: Unpack[InputTokenCountKwargs]) -> InputTokenCountResponse:
        """How many input tokens a ``responses.create`` call with these parameters would use."""
        call = self._client._prepare(COUNT_TOKENS, params, raw=self._raw)
        result: InputTokenCountResponse = await self._client._execute(call)
        return result
