"""The Responses API's calls, described before any I/O: the endpoints, the checked query of
``retrieve`` and ``input_items.list``, and what ``responses.stream(...)`` opens.

``gptkit/resources/responses.py`` declares the methods of both clients over these.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from typing import Any

from gptkit._core._base import Call, Endpoint
from gptkit._responses._validate import ResponsesParamValidator
from gptkit.resources._common import invalid, path_with, with_query
from gptkit.resources._quick import QUICK_RESPONSES
from gptkit.types._base import ResponseObject
from gptkit.types.request_options import RequestOptions
from gptkit.types.responses.input_token_count_response import InputTokenCountResponse
from gptkit.types.responses.response import Response

__all__ = [
    "CANCEL",
    "COUNT_TOKENS",
    "CREATE",
    "DELETE",
    "ITEMS_PATH",
    "ITEMS_QUERY",
    "RETRIEVE",
    "checked_query",
    "items_query",
    "list_items",
    "plan_stream",
    "retrieve_params",
    "tools_shaped",
]

#: The parameters' TypedDicts are named, imported with their validator: a quick-checked call
#: (a string or text-message ``input``) needs none of them (tests/test_cold_start.py).
_R = "gptkit.types.responses."
#: How Responses streams are read, by name: imported by the first stream (Endpoint.stream_protocol).
_STREAM = "gptkit._streams._responses_protocol:RESPONSES_STREAM"
CREATE = Endpoint(
    method="POST", path="/responses", response=Response,
    validator=ResponsesParamValidator(_R + "response_create_params:ResponseCreateParams", "responses.create",
                                      quick=QUICK_RESPONSES),
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
ITEMS_PATH = "/responses/{response_id}/input_items"


@functools.cache
def list_items() -> tuple[Endpoint, Endpoint]:
    """``input_items.list``'s (sync, async) endpoints: parametrising a page type builds its schema
    (~10 ms), so on first use rather than with ``client.responses``."""
    from gptkit.pagination import AsyncCursorPage, SyncCursorPage
    from gptkit.types.responses.response_item import ResponseItem

    return (Endpoint(method="GET", path=ITEMS_PATH, response=SyncCursorPage[ResponseItem]),
            Endpoint(method="GET", path=ITEMS_PATH, response=AsyncCursorPage[ResponseItem]))


COUNT_TOKENS = Endpoint(
    method="POST", path="/responses/input_tokens", response=InputTokenCountResponse,
    validator=ResponsesParamValidator(_R + "input_token_count_params:InputTokenCountParams",
                                      "responses.input_tokens.count"),
)
_RETRIEVE_QUERY = ResponsesParamValidator(_R + "response_retrieve_params:ResponseRetrieveParams",
                                          "responses.retrieve")
ITEMS_QUERY = ResponsesParamValidator(_R + "input_item_list_params:InputItemListParams",
                                      "responses.input_items.list")


def checked_query(validator: ResponsesParamValidator, given: Mapping[str, Any]) -> dict[str, Any]:
    """Checked query parameters; lists go as ``name[]`` (the official SDK's array format)."""
    checked = validator.validate({k: v for k, v in given.items() if v is not None})
    return {f"{k}[]" if isinstance(v, list) else k: v for k, v in checked.items()}


def items_query(response_id: str, after: str | None, include: Sequence[str] | None, limit: int | None,
                order: str | None) -> tuple[str, dict[str, Any]]:
    """``input_items.list``'s path and checked query."""
    path = path_with(ITEMS_PATH, "responses.input_items.list", response_id=response_id)
    query = checked_query(ITEMS_QUERY, {"after": after, "include": include, "limit": limit, "order": order})
    return path, query


def retrieve_params(response_id: str, include: Sequence[str] | None, include_obfuscation: bool | None,
                    starting_after: int | None, stream: object, options: Mapping[str, Any],
                    ) -> tuple[str, dict[str, Any]]:
    """``retrieve``'s path and request options (its checked query merged in)."""
    if starting_after is not None and not stream:
        raise invalid("responses.retrieve", "starting_after", "only applies with stream=True")
    path = path_with(RETRIEVE.path, "responses.retrieve", response_id=response_id)
    query = checked_query(_RETRIEVE_QUERY, {"include": include, "include_obfuscation": include_obfuscation,
                                            "starting_after": starting_after,
                                            "stream": True if stream else None})
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


def plan_stream(client: Any, response_id: str | None, starting_after: int | None,
                 params: Mapping[str, Any], text_format: object = None) -> tuple[Call, Any]:
    """The call ``responses.stream(...)`` opens on entering its block (checked now, before I/O),
    and how its final response is finished (parsed into ``text_format``, or as it is). Like the
    official helper, it has no raw view: the block gives the stream itself."""
    options = _attach(response_id, starting_after, params)
    # The final response is always a ParsedResponse, with or without text_format (the official
    # stream's): its strict tools' arguments are parsed either way.
    from gptkit._structured._responses import stream_finish

    if response_id is None:
        sent, finish = stream_finish(text_format, params)
        return client._prepare(CREATE, sent, stream=True), finish
    path, merged = retrieve_params(response_id, None, None, None, True, options)
    call: Call = client._prepare(RETRIEVE, merged, path=path)
    call.stream = True
    return call, stream_finish(text_format, None)[1]  # attached: the stored response is parsed


def tools_shaped(params: Mapping[str, Any]) -> Mapping[str, Any]:
    # gptkit's own tool builders (pydantic_function_tool, function_tool) make the chat shape;
    # converted here so they work in ``tools=`` as they do with parse and run_tools.
    if not params.get("tools"):
        return params
    from gptkit._structured._responses import responses_tools

    return {**params, "tools": responses_tools(params["tools"], method="create")[0]}
