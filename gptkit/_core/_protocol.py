"""Sans-IO protocol steps: build a request, turn a successful response into a model (and its raw
view, ``APIResponse``).

Nothing here sends, sleeps or locks; the sync and async clients share every function.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import httpx
import pydantic
import pydantic_core

from gptkit._core._errors import invalid_body

if TYPE_CHECKING:  # not at run time: `import gptkit` must not pull in the type tree
    from gptkit.types._base import APIObject

__all__ = [
    "APIResponse",
    "apply_client_defaults",
    "build_multipart_request",
    "build_request",
    "dump_json",
    "form_fields",
    "parse_response",
    "with_json_body",
]

T = TypeVar("T", bound="APIObject")


def dump_json(body: Mapping[str, Any]) -> bytes:
    """Serialise a request body; pydantic-core's encoder is several times faster than ``json``."""
    return pydantic_core.to_json(body)


def build_request(
    method: str,
    url: str | httpx.URL,
    *,
    headers: Mapping[str, str],
    timeout: httpx.Timeout,
    body: Mapping[str, Any] | None = None,
    params: Mapping[str, Any] | None = None,
) -> httpx.Request:
    """Build the request, with the timeout attached the way httpx transports read it."""
    return httpx.Request(
        method,
        url,
        headers=headers,
        params=params or None,
        content=dump_json(body) if body is not None else None,
        extensions={"timeout": timeout.as_dict()},
    )


def with_json_body(request: httpx.Request, body: Mapping[str, Any]) -> httpx.Request:
    """``request`` again with another JSON body (same URL, headers and timeout)."""
    headers = [(k, v) for k, v in request.headers.multi_items() if k.lower() != "content-length"]
    return httpx.Request(request.method, request.url, headers=headers, content=dump_json(body),
                         extensions=request.extensions)


def form_fields(body: Mapping[str, Any]) -> dict[str, str | list[str]]:
    """Validated parameters as ``multipart/form-data`` fields, spelled as the official SDK sends
    them: ``true``/``false``, ``name[]`` repeated for a list, ``name[key]`` for an object."""
    fields: dict[str, str | list[str]] = {}

    def add(name: str, value: Any) -> None:
        if isinstance(value, Mapping):
            for key, item in value.items():
                add(f"{name}[{key}]", item)
        elif isinstance(value, (list, tuple)):
            for item in value:
                add(f"{name}[]", item)
        elif value is not None:
            text = ("true" if value else "false") if isinstance(value, bool) else str(value)
            present = fields.get(name)
            if present is None:
                fields[name] = text
            elif isinstance(present, list):
                present.append(text)
            else:
                fields[name] = [present, text]

    for name, value in body.items():
        add(name, value)
    return fields


def build_multipart_request(
    method: str,
    url: str | httpx.URL,
    *,
    headers: Mapping[str, str],
    timeout: httpx.Timeout,
    data: Mapping[str, str | list[str]],
    files: Mapping[str, Any] | Sequence[tuple[str, Any]],
    params: Mapping[str, Any] | None = None,
) -> httpx.Request:
    """Build a ``multipart/form-data`` request (file uploads): ``data`` fields plus ``files``.

    httpx encodes the parts and rewinds file objects when a retry sends the request again; the
    JSON content type every other request carries is dropped so httpx can set the boundary.
    """
    form_headers = {k: v for k, v in headers.items() if k.lower() != "content-type"}
    return httpx.Request(
        method,
        url,
        headers=form_headers,
        params=params or None,
        data=dict(data),
        files=files,
        extensions={"timeout": timeout.as_dict()},
    )


def parse_response(response: httpx.Response, model: type[T], *, context: dict[str, Any] | None = None) -> T:
    """Validate a successful response body into ``model``; a bad body is a typed error.
    ``context`` reaches the model's validators (pydantic's validation context)."""
    content = response.content
    try:
        result = model.model_validate_json(content, context=context)
    except pydantic.ValidationError as exc:
        raise invalid_body(response, exc) from None
    from gptkit.types._base import ResponseObject  # loaded already: `model` is one of its subclasses

    if isinstance(result, ResponseObject):
        result._request_id = response.headers.get("x-request-id")
    return result


class APIResponse(Generic[T]):
    """Raw HTTP access to a call: status, headers and the parsed object (``with_raw_response``)."""

    def __init__(self, http_response: httpx.Response, parsed: T) -> None:
        self.http_response = http_response
        self._parsed = parsed

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    @property
    def request_id(self) -> str | None:
        request_id: str | None = self.http_response.headers.get("x-request-id")
        return request_id

    @property
    def elapsed(self) -> float:
        """Seconds from sending the request to receiving the whole response."""
        return self.http_response.elapsed.total_seconds()

    @property
    def http_request(self) -> httpx.Request:
        """The request as it was sent (the API key is in its headers: do not log them)."""
        return self.http_response.request

    @property
    def url(self) -> httpx.URL:
        return self.http_response.url

    @property
    def method(self) -> str:
        return self.http_response.request.method

    @property
    def http_version(self) -> str:
        return self.http_response.http_version

    @property
    def is_closed(self) -> bool:
        return self.http_response.is_closed

    @property
    def content(self) -> bytes:
        """The body's bytes (read already, except for a streamed call's)."""
        return self.http_response.content

    @property
    def text(self) -> str:
        return self.http_response.text

    def parse(self) -> T:
        """The typed response object."""
        return self._parsed

    def __repr__(self) -> str:
        return f"<APIResponse [{self.status_code}] {type(self._parsed).__name__}>"


@functools.cache
def _httpx_default_headers() -> frozenset[tuple[str, str]]:
    """The headers every httpx client has unless told otherwise (accept, user agent...)."""
    # A client over a bare transport, without the environment's proxies: a default one would
    # load the system's certificates (an SSL context: 10-40 ms of the first call, issue 19).
    with httpx.Client(transport=httpx.BaseTransport(), trust_env=False) as plain:
        return frozenset((key.lower(), value) for key, value in plain.headers.multi_items())


def apply_client_defaults(http: Any, request: httpx.Request) -> None:
    """Add what the caller set on their ``http_client`` (headers, query parameters, cookies) to a
    request gptkit built itself, as the official client's requests get them (it builds them with
    ``http_client.build_request``); the request's own values win. httpx's stock headers are left
    out, so a plain client sends what gptkit sends."""
    stock = _httpx_default_headers()
    headers = request.headers
    for key, value in http.headers.multi_items():
        if key not in headers and (key.lower(), value) not in stock:
            headers[key] = value
    params = http.params
    if params:
        request.url = request.url.copy_with(params=params.merge(request.url.params))
    cookies = http.cookies
    if cookies and "cookie" not in headers:
        cookies.set_cookie_header(request)
