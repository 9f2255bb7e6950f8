"""Error mapping, in one place: what went wrong on the wire becomes a typed gptkit error.

A transport failure (no answer: timeout, refused, reset) becomes an ``APIConnectionError``; a
4xx/5xx answer becomes the ``APIStatusError`` subclass of its status and code; a 2xx body that
does not match the API becomes an ``APIResponseValidationError``. Sans-IO: the clients and the
stream shells catch, these functions decide.
"""

from __future__ import annotations

import json

import httpx
import pydantic

from gptkit._core._retired import model_of_request, retired_hint
from gptkit._exceptions import (
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
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

__all__ = ["QUOTA_CODES", "invalid_body", "map_transport_error", "status_error"]

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


def map_transport_error(exc: httpx.TransportError, request: httpx.Request) -> APIConnectionError:
    """httpx's transport failures as gptkit's typed errors, worded as the official package's
    (``Request timed out.``, ``Connection error.``): programs print and compare ``e.message``.
    The caller raises it ``from exc``, so the cause (which phase timed out, the socket's error)
    is the chained ``__cause__``, as in the official package."""
    if isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(request)
    return APIConnectionError(request=request)


def _decode_error_body(response: httpx.Response) -> tuple[object, object, str | None]:
    """The whole decoded body, the error in it (what ``e.body`` holds) and its message, as the
    official SDK reads them: JSON when it parses, else the stripped text."""
    text = response.text.strip()
    try:
        body: object = json.loads(text)
    except ValueError:
        return text, text, None
    data = body.get("error", body) if isinstance(body, dict) else body
    message = data.get("message") if isinstance(data, dict) else None
    return body, data, message if isinstance(message, str) and message else None


def status_error(response: httpx.Response) -> APIStatusError:
    """Map a 4xx/5xx response (whose body has been read) to its typed error.

    ``str(e)``, ``e.body``, ``e.code``, ``e.param`` and ``e.type`` are the official SDK's for the
    same response: ``Error code: <status> - <the error's message>`` and the body's ``error``
    object (the whole body when it has none; its text when it is not JSON).
    """
    whole, data, detail = _decode_error_body(response)
    status = response.status_code
    cls: type[APIStatusError]
    cls = InternalServerError if status >= 500 else _STATUS_CLASSES.get(status, APIStatusError)
    message = f"Error code: {status} - {detail}" if detail else f"Error code: {status}"
    error = cls(message, response=response, body=data)
    error._json_body = whole
    if status in (400, 404):
        _add_retired_hint(error, detail or "")
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
    new._json_body = error._json_body
    new.message = error.message
    new.args = error.args
    return new


def invalid_body(response: httpx.Response, exc: pydantic.ValidationError) -> APIResponseValidationError:
    """The typed error for a successful response whose body does not match the API."""
    first = exc.errors(include_url=False)[0]
    if first["type"] == "json_invalid":
        snippet = " ".join(response.text.split())[:200]
        message = f"The server sent a body that is not valid JSON: {snippet!r}"
    else:
        where = ".".join(str(p) for p in first["loc"]) or "body"
        message = f"The server's response does not match the API: {where}: {first['msg']}"
    return APIResponseValidationError(message, response=response, body=None)
