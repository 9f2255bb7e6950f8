"""Typed events a client emits during a call, and the ``Listener`` base class (sans-IO).

A listener is any callable taking one event; ``Listener`` is an optional base class that routes
each event to an ``on_*`` method. Events are frozen and carry no request headers (so never the
API key), only an allow-list of response headers, and errors by name and message rather than
the exception object (whose request would carry the key).

One logical call emits, in order: ``RequestStart``; for each attempt an optional
``RateLimitWait`` (the client-side limiter held it back), a ``ResponseHeaders`` (unless the
attempt failed before the server answered) and, when it failed and will be retried, a
``RequestRetry``; for a stream a ``FirstChunk``; and finally one ``RequestEnd`` or
``RequestError``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:
    from gptkit.types.cost import Cost

__all__ = [
    "CallEvent",
    "FirstChunk",
    "Listener",
    "RateLimitWait",
    "RequestEnd",
    "RequestError",
    "RequestRetry",
    "RequestStart",
    "ResponseHeaders",
    "result_fields",
    "start_fields",
    "token_counts",
]


@dataclass(frozen=True, kw_only=True, slots=True)
class CallEvent:
    """What every event says about its call.

    ``call_id`` is unique per logical call in this process (retries share it); ``path`` is the
    endpoint's path (``/chat/completions``), without host or query; ``model`` is the requested
    model; ``attempt`` counts from 1; ``elapsed`` is seconds since the call started.
    """

    #: The name of the ``Listener`` method this event is routed to.
    hook: ClassVar[str] = "on_event"

    call_id: int
    method: str
    path: str
    model: str | None
    tags: Mapping[str, str]
    attempt: int
    elapsed: float


@dataclass(frozen=True, kw_only=True, slots=True)
class RequestStart(CallEvent):
    """A logical call starts (before the budget check and the first attempt).

    ``operation`` is the GenAI operation (``chat``, ``text_completion``, ``embeddings``) or None
    for other endpoints; ``provider`` is the detected provider (``openai``, ``azure``, ...) or
    None for an unknown server; ``params`` holds the call's scalar sampling parameters
    (temperature, max_tokens, top_p, ...), never messages or inputs.
    """

    hook: ClassVar[str] = "on_request_start"

    operation: str | None
    stream: bool
    provider: str | None
    server_address: str
    server_port: int | None
    params: Mapping[str, Any]


@dataclass(frozen=True, kw_only=True, slots=True)
class RateLimitWait(CallEvent):
    """The client-side rate limiter held the attempt back for ``wait`` seconds (emitted after it)."""

    hook: ClassVar[str] = "on_rate_limit_wait"

    wait: float


@dataclass(frozen=True, kw_only=True, slots=True)
class ResponseHeaders(CallEvent):
    """An attempt's response headers arrived (any status, before the body is read).

    ``headers`` holds only ``x-request-id``, ``openai-processing-ms``, ``x-ratelimit-*`` and
    ``retry-after*``; ``time_to_headers`` is seconds from the attempt's send to its headers.
    """

    hook: ClassVar[str] = "on_response_headers"

    status: int
    request_id: str | None
    headers: Mapping[str, str]
    time_to_headers: float


@dataclass(frozen=True, kw_only=True, slots=True)
class RequestRetry(CallEvent):
    """Attempt ``attempt`` failed and the call will be retried after ``wait`` seconds."""

    hook: ClassVar[str] = "on_retry"

    error_type: str
    error_message: str
    status: int | None
    request_id: str | None
    reason: str
    wait: float


@dataclass(frozen=True, kw_only=True, slots=True)
class FirstChunk(CallEvent):
    """A stream's first event arrived; ``time_to_first_chunk`` is seconds since the call started."""

    hook: ClassVar[str] = "on_first_chunk"

    time_to_first_chunk: float


@dataclass(frozen=True, kw_only=True, slots=True)
class RequestEnd(CallEvent):
    """The call succeeded: for a stream, when it was read to the end (after cost accounting).

    ``duration`` covers the whole call (limiter waits, retries, a stream's reading);
    ``time_to_headers`` is the last attempt's; ``retries`` = attempts - 1. ``usage`` is the
    response's usage object and ``cost`` its ``Cost`` (None when unknown). ``abandoned`` is True
    for a stream the caller closed before its end: usage and cost are then the partial answer's
    (the server billed it), or None when nothing had arrived.
    """

    hook: ClassVar[str] = "on_request_end"

    status: int | None
    request_id: str | None
    response_id: str | None
    response_model: str | None
    finish_reasons: tuple[str, ...]
    usage: Any
    input_tokens: int | None
    output_tokens: int | None
    cost: Cost | None
    duration: float
    time_to_headers: float | None
    time_to_first_chunk: float | None
    rate_limit_wait: float
    retries: int
    abandoned: bool = False


@dataclass(frozen=True, kw_only=True, slots=True)
class RequestError(CallEvent):
    """The call failed (after any retries) with an error of class ``error_type``.

    ``status`` and ``request_id`` are the failing response's, when the server answered;
    ``error_code`` is the API's error code (``rate_limit_exceeded``...) when it sent one.
    """

    hook: ClassVar[str] = "on_request_error"

    error_type: str
    error_message: str
    error_code: str | None
    status: int | None
    request_id: str | None
    duration: float
    time_to_headers: float | None
    rate_limit_wait: float
    retries: int


class Listener:
    """Optional base class for listeners: override the ``on_*`` methods you need.

    A listener is called inline, on the thread or event loop that makes the call, so it must be
    quick and must not block; hand slow work to a queue. Exceptions it raises are logged on the
    ``gptkit`` logger and never reach the call.
    """

    def __call__(self, event: CallEvent) -> None:
        getattr(self, event.hook)(event)

    def on_request_start(self, event: RequestStart) -> None:
        """A call started."""

    def on_rate_limit_wait(self, event: RateLimitWait) -> None:
        """The rate limiter held an attempt back."""

    def on_response_headers(self, event: ResponseHeaders) -> None:
        """An attempt's response headers arrived."""

    def on_retry(self, event: RequestRetry) -> None:
        """An attempt failed and will be retried."""

    def on_first_chunk(self, event: FirstChunk) -> None:
        """A stream's first event arrived."""

    def on_request_end(self, event: RequestEnd) -> None:
        """The call succeeded."""

    def on_request_error(self, event: RequestError) -> None:
        """The call failed."""

    def on_event(self, event: CallEvent) -> None:
        """Any other event (future event types land here)."""


# -- what a call's start and end say, read from the call (for ``gptkit._observe._trace``) ------

_OPERATIONS = {"/chat/completions": "chat", "/completions": "text_completion", "/embeddings": "embeddings"}
#: Scalar request parameters events may carry (never messages, prompts or inputs).
_PARAMS = ("temperature", "top_p", "max_tokens", "max_completion_tokens", "frequency_penalty",
           "presence_penalty", "seed", "n", "stop", "service_tier", "reasoning_effort", "dimensions",
           "encoding_format", "parallel_tool_calls")


def start_fields(call: Any, provider: str | None) -> dict[str, Any]:
    """``RequestStart``'s fields besides ``CallEvent``'s, read from the call (a ``TracedCall``)."""
    url = call.request.url
    body = call.body or {}
    params = {key: body[key] for key in _PARAMS if key in body}
    response_format = body.get("response_format")
    if isinstance(response_format, dict) and "type" in response_format:
        params["response_format"] = response_format["type"]
    return {"operation": _OPERATIONS.get(call.endpoint.path), "stream": call.stream, "provider": provider,
            "server_address": url.host, "server_port": url.port or (443 if url.scheme == "https" else 80),
            "params": MappingProxyType(params)}


def result_fields(result: Any, usage: Any) -> dict[str, Any]:
    """``RequestEnd``'s fields read from the call's result and its usage."""
    choices = getattr(result, "choices", None)
    reasons = tuple(str(c.finish_reason) for c in choices or () if getattr(c, "finish_reason", None))
    # A completion's or a Responses API response's own id (other objects' ids are not replies).
    is_reply = choices is not None or getattr(result, "object", None) == "response"
    response_id = getattr(result, "id", None) if is_reply else None
    response_model = getattr(result, "model", None)
    input_tokens, output_tokens = token_counts(usage)
    return {"response_id": response_id if isinstance(response_id, str) else None,
            "response_model": response_model if isinstance(response_model, str) else None,
            "finish_reasons": reasons, "usage": usage, "input_tokens": input_tokens,
            "output_tokens": output_tokens}


def _int_or_none(value: object) -> int | None:
    return value if isinstance(value, int) else None


def token_counts(usage: Any) -> tuple[int | None, int | None]:
    """(input, output) tokens of a usage in chat's names or the Responses API's (None: absent)."""
    if usage is None:
        return None, None
    prompt = _int_or_none(getattr(usage, "prompt_tokens", None))
    if prompt is None:
        return (_int_or_none(getattr(usage, "input_tokens", None)),
                _int_or_none(getattr(usage, "output_tokens", None)))
    return prompt, _int_or_none(getattr(usage, "completion_tokens", None))
