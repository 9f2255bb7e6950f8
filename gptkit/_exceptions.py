"""The exception hierarchy.

The names and the shape follow the official ``openai`` package, so an ``except`` clause written for
it keeps working after changing the import. gptkit adds a few classes of its own (quota, budget,
invalid parameters, interrupted streams) as subclasses of the closest official one.

Every error built from an HTTP response carries what the server said (``status_code``,
``request_id``, ``code``, ``type``, ``param``, ``body`` and ``message``) and never the API key:
messages are built from the response body, never from request headers.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

import httpx

if TYPE_CHECKING:
    from gptkit.types.chat import ChatCompletion
    from gptkit.types.content_filter import ContentFilterResults
    from gptkit.types.responses.response import Response

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BackendError",
    "BadRequestError",
    "BudgetBackendError",
    "BudgetExceededError",
    "BudgetStateLostError",
    "ConfigurationError",
    "ConflictError",
    "ContentFilterError",
    "ContentFilterFinishReasonError",
    "ContextLengthExceededError",
    "GptkitError",
    "InsufficientQuotaError",
    "InternalServerError",
    "InvalidParameterError",
    "InvalidRequestError",
    "LengthFinishReasonError",
    "MissingAPIKeyError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "RateLimitBackendError",
    "RateLimitExceededError",
    "ResponseFailedError",
    "StreamInterruptedError",
    "StrictSchemaError",
    "StructuredOutputError",
    "ToolRoundsExceededError",
    "UnknownPriceError",
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


class RateLimitExceededError(GptkitError):
    """The client-side rate limiter can never admit this request (it exceeds the limit itself)."""


class BackendError(GptkitError):
    """The Redis that shares rate limits or a budget failed or could not be reached.

    The call was refused before anything was sent. Raised after a short reconnect attempt
    (``reconnect=`` seconds on ``RedisBackend`` / ``RedisBudget``), so a failover is ridden
    over; a later call succeeds once Redis answers again. No exception of the ``redis``
    package ever reaches a caller: they all arrive as this class (the original is chained).
    """

    #: Whether the failed command may still have run in Redis (its answer was lost, not its
    #: connection refused): gptkit undoes such a budget reservation when Redis answers again.
    maybe_applied: bool = False


class RateLimitBackendError(BackendError):
    """The shared rate-limit backend (Redis) could not be reached or failed; nothing was sent."""


class BudgetBackendError(BackendError):
    """A ``RedisBudget`` could not reach Redis to reserve a call's cost; nothing was sent.

    Settlements of calls that did run are never lost to an outage: they are kept and written
    when Redis answers again (or on ``close()``).
    """


class BudgetStateLostError(BudgetBackendError):
    """A ``RedisBudget``'s state vanished from Redis, or was replaced; nothing was sent.

    Instead of silently starting again from $0 spent, the budget refuses calls. ``cause``
    names what happened, as far as Redis tells: ``"restart"`` (Redis restarted without keeping
    the budget: no persistence), ``"eviction"`` (memory pressure under an ``allkeys-*``
    policy), ``"flush"`` (``FLUSHDB`` / ``FLUSHALL``), ``"rollback"`` (Redis came back from an
    older copy: spending recorded since is missing), ``"replaced"`` (created again by a process
    that never saw the old one) or ``"deleted"`` (removed otherwise). Calls stay refused until
    ``budget.reset(spent=...)`` starts the budget again with what was really spent.
    """

    def __init__(self, message: str, *, cause: str, budget: str) -> None:
        super().__init__(message)
        self.message = message
        self.cause = cause
        self.budget = budget


class BudgetExceededError(GptkitError):
    """The call's worst-case cost does not fit the remaining budget; nothing was sent.

    ``needed`` is the call's worst-case cost, ``remaining`` what the budget had left (limit minus
    spent minus what running calls hold) and ``limit`` the budget, all in ``Decimal`` dollars.
    """

    def __init__(
        self,
        message: str = "The call's worst-case cost does not fit the remaining budget.",
        *,
        needed: Decimal | None = None,
        remaining: Decimal | None = None,
        limit: Decimal | None = None,
        model: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.needed = needed
        self.remaining = remaining
        self.limit = limit
        self.model = model


class UnknownPriceError(GptkitError):
    """A budgeted call uses a model with no known price, so its cost cannot be bounded.

    Nothing was sent. Add the model's price (``prices=``) or build the budget with
    ``allow_unpriced=True`` to let such calls through uncounted.
    """

    def __init__(self, message: str, *, model: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.model = model


# -- structured outputs and tools -------------------------------------------------------------


class StrictSchemaError(InvalidParameterError):
    """A pydantic model cannot be expressed as a strict-mode JSON schema; nothing was sent.

    ``field`` names the offending field as ``Model.field`` (``[]`` marks list items).
    """

    def __init__(self, message: str, *, field: str, param: str | None = None) -> None:
        super().__init__(message, param=param, errors=[(param or field, message)])
        self.field = field


class LengthFinishReasonError(GptkitError):
    """The output was cut off by the token limit, so it cannot be parsed: a chat completion with
    ``finish_reason == "length"`` (``completion`` holds what arrived; raise
    ``max_completion_tokens`` and retry), or a Responses API response ``incomplete`` for
    ``max_output_tokens`` (``response`` holds it; ``completion`` is None)."""

    def __init__(self, completion: ChatCompletion | None = None, *, response: Response | None = None) -> None:
        if response is not None:
            usage = response.usage
            used = f" after {usage.output_tokens} output tokens" if usage is not None else ""
            text = (f"The model's output was cut off by the length limit{used} (status='incomplete', "
                    "reason='max_output_tokens'); it cannot be parsed. Raise max_output_tokens or "
                    "shorten the task.")
        else:
            chat_usage = completion.usage if completion is not None else None
            used = f" after {chat_usage.completion_tokens} output tokens" if chat_usage is not None else ""
            text = (f"The model's output was cut off by the length limit{used} (finish_reason='length'); "
                    "it cannot be parsed. Raise max_completion_tokens or shorten the task.")
        super().__init__(text)
        self.completion = completion
        self.response = response


class ContentFilterFinishReasonError(GptkitError):
    """The provider's content filter stopped the output: a chat completion with
    ``finish_reason == "content_filter"`` (``completion``), or a Responses API response
    ``incomplete`` for ``content_filter`` (``response``)."""

    def __init__(self, completion: ChatCompletion | None = None, *, response: Response | None = None) -> None:
        where = ("status='incomplete', reason='content_filter'" if response is not None
                 else "finish_reason='content_filter'")
        super().__init__(f"The output was stopped by the content filter ({where}); it cannot be parsed.")
        self.completion = completion
        self.response = response


class StructuredOutputError(GptkitError):
    """The model's output is not valid JSON or does not match the requested model.

    ``raw`` is the text as the model sent it (message content, or a tool call's arguments),
    ``errors`` pydantic's error list, ``tool_name`` the tool whose arguments failed (else None),
    and ``completion`` the whole chat completion (or ``response`` the whole Responses API
    response).
    """

    def __init__(
        self,
        message: str,
        *,
        raw: str,
        completion: ChatCompletion | None = None,
        errors: list[Any] | None = None,
        tool_name: str | None = None,
        response: Response | None = None,
    ) -> None:
        super().__init__(message)
        self.raw = raw
        self.completion = completion
        self.response = response
        self.errors: list[Any] = errors if errors is not None else []
        self.tool_name = tool_name


class ToolRoundsExceededError(GptkitError):
    """``run_tools`` reached ``max_rounds`` model calls and the model still asked for tools.

    ``messages`` is the conversation so far (chat: the last assistant message included;
    Responses API: the input items, the last response's output items included) and
    ``completion`` the last chat completion (or ``response`` the last Responses API response),
    so the caller can inspect or continue it.
    """

    def __init__(self, max_rounds: int, *, messages: list[Any], completion: ChatCompletion | None = None,
                 response: Response | None = None) -> None:
        super().__init__(
            f"The model still asked for tools after {max_rounds} rounds (max_rounds={max_rounds})."
        )
        self.max_rounds = max_rounds
        self.messages = messages
        self.completion = completion
        self.response = response


def _str_or_none(value: object) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else str(value)


# A traceback names an exception by its class's ``__module__``: show the path users import it
# from (``gptkit.RateLimitError``), not this private module (``gptkit._exceptions....``).
for _name in __all__:
    globals()[_name].__module__ = "gptkit"
del _name
