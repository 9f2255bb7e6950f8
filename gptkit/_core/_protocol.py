"""Sans-IO protocol steps: build a request, turn a response into a model or a typed error.

Nothing here sends, sleeps or locks; the sync and async clients share every function.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

import httpx
import pydantic
import pydantic_core

from gptkit._core._retired import model_of_request, retired_hint
from gptkit._exceptions import (
    APIResponseValidationError,
    APIStatusError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    ContentFilterError,
    ContextLengthExceededError,
    InsufficientQuotaError,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    UnprocessableEntityError,
)

if TYPE_CHECKING:  # not at run time: `import gptkit` must not pull in the type tree
    from gptkit.types._base import APIObject

__all__ = [
    "QUOTA_CODES",
    "build_multipart_request",
    "build_request",
    "dump_json",
    "form_fields",
    "parse_response",
    "status_error",
]

T = TypeVar("T", bound="APIObject")

#: 429 codes that mean "you are out of money", which no retry can fix.
QUOTA_CODES = frozenset(
    {"insufficient_quota", "billing_hard_limit_reached", "billing_not_active", "quota_exceeded"}
)
#: 400 codes that mean "the input is too big for the model".
CONTEXT_CODES = frozenset({"context_length_exceeded", "string_above_max_length"})
#: Azure OpenAI's codes for a request its content filter rejected.
CONTENT_FILTER_CODES = frozenset({"content_filter", "ResponsibleAIPolicyViolation"})

_STATUS_CLASSES: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


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


def _decode_error_body(response: httpx.Response) -> tuple[object | None, str]:
    """The parsed body (or None) and the most useful one-line message in it."""
    text = response.text
    try:
        body: object = json.loads(text) if text else None
    except ValueError:
        snippet = " ".join(text.split())[:300]
        return None, snippet or response.reason_phrase
    details = body.get("error", body) if isinstance(body, dict) else None
    if isinstance(details, dict) and details.get("message"):
        return body, str(details["message"])
    if isinstance(details, str):
        return body, details
    return body, (text[:300] if text else response.reason_phrase)


def status_error(response: httpx.Response) -> APIStatusError:
    """Map a 4xx/5xx response (whose body has been read) to its typed error."""
    body, detail = _decode_error_body(response)
    status = response.status_code
    cls: type[APIStatusError]
    cls = InternalServerError if status >= 500 else _STATUS_CLASSES.get(status, APIStatusError)
    message = f"Error code: {status} - {detail}"
    error = cls(message, response=response, body=body)
    if error.code is not None:
        error.message = f"{message} (code: {error.code})"
        error.args = (error.message,)
    if status in (400, 404):
        _add_retired_hint(error, detail)
    if status == 429 and (error.code in QUOTA_CODES or error.type in QUOTA_CODES):
        error = _recast(error, InsufficientQuotaError)
    elif status == 400 and (error.code in CONTENT_FILTER_CODES or error.inner_code in CONTENT_FILTER_CODES):
        error = _recast(error, ContentFilterError)
    elif status == 400 and error.code in CONTEXT_CODES:
        error = _recast(error, ContextLengthExceededError)
    return error


def _add_retired_hint(error: APIStatusError, detail: str) -> None:
    """Name a current replacement when the request's model has been retired (never swap it)."""
    try:
        request = error.response.request
        model = model_of_request(request.url.path, request.content)
    except (RuntimeError, httpx.RequestNotRead):
        return
    if model is None or not (error.status_code == 404 or error.code == "model_not_found" or model in detail):
        return
    hint = retired_hint(model)
    if hint is not None:
        error.message = f"{error.message}. {hint}"
        error.args = (error.message,)


def _recast(error: APIStatusError, cls: type[APIStatusError]) -> APIStatusError:
    new = cls(error.message, response=error.response, body=error.body)
    new.message = error.message
    new.args = error.args
    return new


def parse_response(response: httpx.Response, model: type[T]) -> T:
    """Validate a successful response body into ``model``; a bad body is a typed error."""
    content = response.content
    try:
        result = model.model_validate_json(content)
    except pydantic.ValidationError as exc:
        raise _invalid_body(response, exc) from None
    from gptkit.types._base import ResponseObject  # loaded already: `model` is one of its subclasses

    if isinstance(result, ResponseObject):
        result._request_id = response.headers.get("x-request-id")
    return result


def parse_json(response: httpx.Response, model: type[T], data: object) -> T:
    """Validate already-decoded JSON ``data`` (a stream event) into ``model``."""
    try:
        return model.model_validate(data)
    except pydantic.ValidationError as exc:
        raise _invalid_body(response, exc) from None


def _invalid_body(response: httpx.Response, exc: pydantic.ValidationError) -> APIResponseValidationError:
    first = exc.errors(include_url=False)[0]
    if first["type"] == "json_invalid":
        snippet = " ".join(response.text.split())[:200]
        message = f"The server sent a body that is not valid JSON: {snippet!r}"
        body: object = None
    else:
        where = ".".join(str(p) for p in first["loc"]) or "body"
        message = f"The server's response does not match the API: {where}: {first['msg']}"
        body = None
    return APIResponseValidationError(message, response=response, body=body)
