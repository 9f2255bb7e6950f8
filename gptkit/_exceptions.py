"""The exception hierarchy.

The names and the shape follow the official ``openai`` package, so an ``except`` clause written for
it keeps working after changing the import. gptkit adds a few classes of its own (quota, budget,
invalid parameters, interrupted streams) as subclasses of the closest official one.

Every error built from an HTTP response carries what the server said (``status_code``,
``request_id``, ``code``, ``type``, ``param``, ``body`` and ``message``) and never the API key:
messages are built from the response body, never from request headers.
"""

from __future__ import annotations

from typing import Any

import httpx

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "BudgetExceededError",
    "ConflictError",
    "ContextLengthExceededError",
    "GptkitError",
    "InsufficientQuotaError",
    "InternalServerError",
    "InvalidParameterError",
    "MissingAPIKeyError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "RateLimitBackendError",
    "RateLimitExceededError",
    "StreamInterruptedError",
    "UnprocessableEntityError",
]


class GptkitError(Exception):
    """Base class of every error gptkit raises on purpose."""


class MissingAPIKeyError(GptkitError):
    """No API key was given and none was found in the environment."""


class InvalidParameterError(GptkitError, ValueError):
    """A call's parameters were rejected before anything was sent.

    ``param`` names the first offending parameter (dotted path for nested ones, e.g.
    ``messages.0.role``); ``errors`` holds every problem found, each as ``(param, message)``.
    """

    def __init__(self, message: str, *, param: str | None, errors: list[tuple[str, str]]) -> None:
        super().__init__(message)
        self.message = message
        self.param = param
        self.errors = errors


class APIError(GptkitError):
    """An error that came from talking to the API: a status, a connection problem, or a bad body."""

    message: str
    request: httpx.Request | None
    body: object | None
    code: str | None
    type: str | None
    param: str | None

    def __init__(
        self,
        message: str,
        request: httpx.Request | None = None,
        *,
        body: object | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.request = request
        self.body = body
        details = body.get("error", body) if isinstance(body, dict) else None
        if not isinstance(details, dict):
            details = {}
        self.code = _str_or_none(details.get("code"))
        self.type = _str_or_none(details.get("type"))
        self.param = _str_or_none(details.get("param"))
        #: Reasons of earlier failed attempts of the same call, oldest first (set by the retry loop).
        self.attempt_errors: list[str] = []
        #: How many attempts the call made before this error was raised.
        self.attempts: int = 1

    @property
    def request_id(self) -> str | None:
        """The server's ``x-request-id`` for the failed request, when it sent one."""
        return None

    def __str__(self) -> str:
        return self.message


class APIStatusError(APIError):
    """The server answered with a 4xx or 5xx status."""

    status_code: int
    response: httpx.Response

    def __init__(self, message: str, *, response: httpx.Response, body: object | None) -> None:
        super().__init__(message, response.request, body=body)
        self.response = response
        self.status_code = response.status_code
        #: Seconds the server asked us to wait before retrying, when it said so.
        self.retry_after: float | None = None

    @property
    def request_id(self) -> str | None:
        request_id: str | None = self.response.headers.get("x-request-id")
        return request_id

    @property
    def headers(self) -> httpx.Headers:
        """The response headers (never the request's, which hold the key)."""
        return self.response.headers


class BadRequestError(APIStatusError):
    """400: the server rejected the request."""


class ContextLengthExceededError(BadRequestError):
    """400 with code ``context_length_exceeded``: the prompt plus output does not fit the model."""


class AuthenticationError(APIStatusError):
    """401: the API key is missing, wrong or revoked."""


class PermissionDeniedError(APIStatusError):
    """403: the key may not use this resource or model."""


class NotFoundError(APIStatusError):
    """404: no such model, deployment or endpoint."""


class ConflictError(APIStatusError):
    """409: the request conflicts with the resource's state."""


class UnprocessableEntityError(APIStatusError):
    """422: the request was well formed but could not be processed."""


class RateLimitError(APIStatusError):
    """429: too many requests or tokens, or the quota is spent."""


class InsufficientQuotaError(RateLimitError):
    """429 whose code is ``insufficient_quota`` (or another billing code): retrying cannot help."""


class InternalServerError(APIStatusError):
    """5xx: the server failed."""


class APIConnectionError(APIError):
    """The request could not be sent or the response not received (DNS, refused, reset, ...)."""

    def __init__(
        self, *, message: str = "Connection error.", request: httpx.Request | None = None
    ) -> None:
        super().__init__(message, request, body=None)


class APITimeoutError(APIConnectionError):
    """The connect, write, pool or read timeout ran out."""

    def __init__(
        self, request: httpx.Request | None = None, *, message: str = "Request timed out."
    ) -> None:
        super().__init__(message=message, request=request)


class StreamInterruptedError(APIConnectionError):
    """A stream ended before its ``[DONE]`` marker; ``received`` holds what arrived before that."""

    def __init__(
        self,
        *,
        message: str = "The stream ended before it was complete.",
        request: httpx.Request | None = None,
        received: list[Any] | None = None,
    ) -> None:
        super().__init__(message=message, request=request)
        #: The chunks that arrived before the stream broke off (typed chunk objects).
        self.received: list[Any] = received if received is not None else []


class APIResponseValidationError(APIError):
    """The server's response body was not what the API promises (bad JSON or wrong shape)."""

    status_code: int
    response: httpx.Response

    def __init__(
        self, message: str = "The server's response was not valid.", *,
        response: httpx.Response, body: object | None = None,
    ) -> None:
        super().__init__(message, response.request, body=body)
        self.response = response
        self.status_code = response.status_code

    @property
    def request_id(self) -> str | None:
        request_id: str | None = self.response.headers.get("x-request-id")
        return request_id


class RateLimitExceededError(GptkitError):
    """The client-side rate limiter can never admit this request (it exceeds the limit itself)."""


class RateLimitBackendError(GptkitError):
    """The shared rate-limit backend (Redis) could not be reached or failed; nothing was sent."""


class BudgetExceededError(GptkitError):
    """The call's worst-case cost does not fit the remaining budget; nothing was sent."""


def _str_or_none(value: object) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else str(value)
