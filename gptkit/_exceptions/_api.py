"""The errors of calls to the API: the official package's hierarchy, with gptkit's subclasses.

Every error built from an HTTP response carries what the server said (``status_code``,
``request_id``, ``code``, ``type``, ``param``, ``body`` and ``message``) and never the API key:
messages are built from the response body, never from request headers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import httpx

if TYPE_CHECKING:
    from gptkit.types.content_filter import ContentFilterResults

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConfigurationError",
    "ConflictError",
    "ContentFilterError",
    "ContextLengthExceededError",
    "GptkitError",
    "InsufficientQuotaError",
    "InternalServerError",
    "InvalidParameterError",
    "InvalidRequestError",
    "MissingAPIKeyError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "ResponseFailedError",
    "StreamInterruptedError",
    "UnprocessableEntityError",
]


class GptkitError(Exception):
    """Base class of every error gptkit raises on purpose."""


class MissingAPIKeyError(GptkitError):
    """No API key was given and none was found in the environment."""


class ConfigurationError(GptkitError, ValueError):
    """A required client option is missing or invalid (raised at construction, before any I/O)."""


class InvalidRequestError(GptkitError):
    """The request was invalid: the pre-1.0 ``openai`` name, kept as a common base.

    The old package raised ``openai.error.InvalidRequestError`` for 400, 404, 415 and 422 answers
    and for parameters it rejected itself, so ``BadRequestError``, ``NotFoundError``,
    ``UnprocessableEntityError`` and ``InvalidParameterError`` all derive from it: an old
    ``except InvalidRequestError`` clause still catches what it used to.
    """


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
        #: The whole decoded response body (``body`` is the error object in it, as officially).
        self._json_body: object | None = body
        details = body.get("error", body) if isinstance(body, dict) else None
        if not isinstance(details, dict):
            details = {}
        self.code = _str_or_none(details.get("code"))
        self.type = _str_or_none(details.get("type"))
        self.param = _str_or_none(details.get("param"))
        inner = details.get("innererror") or details.get("inner_error")
        #: Azure's ``innererror.code`` (e.g. ``ResponsibleAIPolicyViolation``), when sent.
        self.inner_code: str | None = (
            _str_or_none(inner.get("code")) if isinstance(inner, dict) else None
        )
        self._inner = inner if isinstance(inner, dict) else None
        #: Reasons of earlier failed attempts of the same call, oldest first (set by the retry loop).
        self.attempt_errors: list[str] = []
        #: How many attempts the call made before this error was raised.
        self.attempts: int = 1

    @property
    def request_id(self) -> str | None:
        """The server's ``x-request-id`` for the failed request, when it sent one."""
        return None

    @property
    def content_filter_result(self) -> ContentFilterResults | None:
        """Azure's content-filter verdicts from ``innererror.content_filter_result``, when sent."""
        raw = self._inner.get("content_filter_result") if self._inner is not None else None
        if not isinstance(raw, dict):
            return None
        from gptkit.types.content_filter import ContentFilterResults

        try:
            return ContentFilterResults.model_validate(raw)
        except ValueError:  # a malformed verdict must not turn one error into another
            return None
    # The attribute names of the pre-1.0 ``openai`` errors, which old ``except`` blocks read.
    @property
    def http_status(self) -> int | None:
        """The HTTP status (pre-1.0 name of ``status_code``); None when no response arrived."""
        status: int | None = getattr(self, "status_code", None)
        return status

    @property
    def json_body(self) -> object | None:
        """The whole decoded error body, ``{"error": {...}}`` (the pre-1.0 attribute)."""
        return self._json_body

    @property
    def user_message(self) -> str:
        """The error message (pre-1.0 name of ``message``)."""
        return self.message

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


class BadRequestError(APIStatusError, InvalidRequestError):
    """400: the server rejected the request."""


class InvalidParameterError(BadRequestError, ValueError):
    """A call's parameters were rejected before anything was sent.

    ``param`` names the first offending parameter (dotted path for nested ones, e.g.
    ``messages.0.role``); ``errors`` holds every problem found, each as ``(param, message)``.

    It is a ``BadRequestError`` (and an ``InvalidRequestError`` and a ``ValueError``): the API
    answers such a call with 400, so ``except BadRequestError`` written for the official package
    catches it. As nothing was sent, the HTTP side describes the answer the API would have
    given, and says so: ``status_code`` is 400; ``body`` is the API's error object, as a
    server's 400 gives it (``{"message", "type": "invalid_request_error", "param", "code": None}``),
    so ``type`` is ``"invalid_request_error"`` and ``code`` None; ``response`` is a 400
    ``httpx.Response`` made here with the JSON body ``{"error": body}`` and no headers (so
    ``request_id`` is None)
    and no request (``request`` is None); ``sent`` is False; it is never retried.
    """

    #: Always False: the request was not sent (``response`` was made locally).
    sent = False

    def __init__(self, message: str, *, param: str | None, errors: list[tuple[str, str]]) -> None:
        error = {"message": message, "type": "invalid_request_error", "param": param, "code": None}
        APIError.__init__(self, message, None, body=error)
        self._json_body = {"error": error}
        self.response: httpx.Response = httpx.Response(400, json=self._json_body)
        self.status_code = 400
        self.retry_after: float | None = None
        self.param = param
        self.errors = errors


class ContentFilterError(BadRequestError):
    """400 from Azure OpenAI's content filter (code ``content_filter``): the prompt was rejected.

    ``content_filter_result`` says which categories were filtered; retrying the same prompt
    cannot help.
    """


class ContextLengthExceededError(BadRequestError):
    """400 with code ``context_length_exceeded``: the prompt plus output does not fit the model."""


class AuthenticationError(APIStatusError):
    """401: the API key is missing, wrong or revoked."""


class PermissionDeniedError(APIStatusError):
    """403: the key may not use this resource or model."""


class NotFoundError(APIStatusError, InvalidRequestError):
    """404: no such model, deployment or endpoint."""


class ConflictError(APIStatusError):
    """409: the request conflicts with the resource's state."""


class UnprocessableEntityError(APIStatusError, InvalidRequestError):
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
        #: What those chunks add up to (a ``ChatCompletion`` or ``Completion`` with no
        #: ``finish_reason`` where the answer was cut), or None when unknown.
        self.partial: Any = None


class ResponseFailedError(APIError):
    """A Responses API response failed: its stream sent ``response.failed`` or an ``error``
    event, or ``responses.wait`` saw it end ``failed``.

    ``response`` is the ``Response`` as far as it is known (the failed one with its ``error``, or
    what a stream had built when its ``error`` event came); ``received`` holds the stream events
    that arrived (empty for ``wait``); ``partial`` is ``response`` (the name
    ``StreamInterruptedError`` uses). ``code`` is the API's error code (e.g. ``server_error``).
    """

    def __init__(
        self, message: str, request: httpx.Request | None = None, *, body: object | None = None,
        response: Any = None, received: list[Any] | None = None,
    ) -> None:
        super().__init__(message, request, body=body)
        #: The ``Response`` as far as it is known (None when nothing arrived).
        self.response: Any = response
        #: The stream events that arrived before the failure (typed events).
        self.received: list[Any] = received if received is not None else []

    @property
    def partial(self) -> Any:
        """What the stream amounted to (``response``)."""
        return self.response


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


def _str_or_none(value: object) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else str(value)
