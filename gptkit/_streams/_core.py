"""The sans-IO heart of a stream: response bytes in, typed events and one final object out.

``StreamCore`` owns the SSE decoder, the event validator and the accumulator, and runs the one
loop every streamed endpoint shares. What an event means (a chunk to show, a hidden one, the end
marker, an error, the event that ends the stream) is the endpoint's ``StreamProtocol``
(``_protocol``): chat's ``[DONE]`` chunks and the Responses API's named events plug in there.
The sync and async ``Stream`` shells only read bytes and hand them over.
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import httpx
import pydantic

from gptkit._exceptions import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APITimeoutError,
    StreamInterruptedError,
)
from gptkit._streams._protocol import COMPLETE, ERROR, StreamProtocol
from gptkit._streams._sse import ServerSentEvent, SSEDecoder
from gptkit.types._base import APIObject, ResponseObject

__all__ = ["StreamCore"]

T = TypeVar("T", bound=APIObject)


class StreamCore(Generic[T]):
    """What a stream has received and what it means; no I/O.

    ``pending`` holds the chunks ready for the caller. ``opened`` is set by the shell once the
    stream has been handed to the caller: before that, failures are ordinary (retryable)
    connection errors; after it, they are interruptions that nothing may re-send.
    """

    __slots__ = ("_abandoned", "_accumulator", "_decoder", "_ending", "_hide_usage", "_on_abandon",
                 "_on_final", "_protocol", "_raises_message", "_received", "_replayed", "_response",
                 "_validate", "done", "failure", "final", "opened", "pending")

    def __init__(
        self,
        protocol: StreamProtocol,
        response: httpx.Response,
        *,
        hide_usage: bool = False,
        on_final: Callable[[Any], None] | None = None,
        on_abandon: Callable[[Any], None] | None = None,
    ) -> None:
        self._decoder = SSEDecoder()
        self._protocol = protocol
        self._validate: Callable[[str], T] = protocol.validator()
        self._accumulator = protocol.new_accumulator()
        # The protocol's answers that do not depend on the chunk, taken once rather than asked per
        # chunk (a protocol is stateless): whether a plain (unnamed) event is an error, and the
        # per-chunk hooks it overrides (None: the default, which always says no).
        self._raises_message = protocol.raises_event("message")
        self._replayed = _overridden(protocol, "replayed")
        self._ending = _overridden(protocol, "ending")
        self._hide_usage = hide_usage
        self._on_final = on_final
        self._on_abandon = on_abandon
        self._abandoned = False
        self._response = response
        # The raw JSON of each chunk, kept (cheaper than objects) only to report an interruption.
        self._received: list[str] = []
        self.pending: deque[T] = deque()
        self.done: bool = False
        self.opened: bool = False
        self.final: Any = None
        #: An error that came after chunks still pending: raised once they are delivered.
        self.failure: Exception | None = None

    @property
    def request(self) -> httpx.Request:
        return self._response.request

    @property
    def hides_usage(self) -> bool:
        """Whether the usage chunk is gptkit's own request (hidden from the caller)."""
        return self._hide_usage

    @property
    def accumulator(self) -> Any:
        """What the events add up to so far (the protocol's accumulator), or None."""
        return self._accumulator

    def resume_point(self) -> tuple[str, int] | None:
        """Where this stream, cut after reaching the caller, can be picked up again (or None)."""
        if self.done or self.failure is not None or self._accumulator is None:
            return None
        return self._protocol.resume_point(self._accumulator)

    def restart(self, response: httpx.Response) -> None:
        """Continue with a new response body (a resumed stream): a fresh decoder, the same state."""
        self._response = response
        self._decoder = SSEDecoder()

    def feed(self, data: bytes | None) -> None:
        """Take one read's bytes (None: the body ended, see ``end``); may raise the stream's error
        event as ``APIError``."""
        if data is None:
            self.end()
            return
        decoder = self._decoder
        try:
            text = decoder.single(data)
            if text is not None:  # the hot path: the read is one plain event
                if not self.done and self.failure is None:
                    self._event(text, self._raises_message)
                return
            self._events(decoder.feed(data))
        except APIError as exc:
            if not self.pending:
                raise
            self.failure = exc  # the chunks before the error reach the caller first

    def end(self) -> None:
        """The response body ended: complete, or raise the typed error for an early end."""
        if self.done:
            return
        self._events(self._decoder.end())
        if self.done:
            return
        if getattr(self._accumulator, "complete", False):
            self._complete()  # an event stream (images, transcripts) ends after its last event
            return
        incomplete = self._decoder.incomplete
        if incomplete is not None and incomplete.data == "[DONE]" and self._protocol.done_marker:
            self._complete()  # the server forgot the blank line after [DONE]: nothing is missing
            return
        if not self.opened:
            raise APIConnectionError(message="The stream ended before its first event.", request=self.request)
        end = self._protocol.end_name
        raise self.interrupted(f"The stream ended before {end}; the answer is incomplete.")

    def transport_error(self, exc: httpx.TransportError) -> APIConnectionError:
        """The typed error for a transport failure after the stream reached the caller."""
        if isinstance(exc, httpx.TimeoutException):
            return APITimeoutError(
                self.request,
                message=f"The stream stalled: no data within the read timeout ({type(exc).__name__}).",
            )
        detail = str(exc) or type(exc).__name__
        return self.interrupted(f"The connection broke before the stream was complete: {detail}")

    def interrupted(self, message: str) -> StreamInterruptedError:
        """A ``StreamInterruptedError`` carrying the chunks and the partial answer received."""
        validate = self._validate
        error = StreamInterruptedError(
            message=message, request=self.request, received=[validate(data) for data in self._received]
        )
        if self._accumulator is not None:
            error.partial = self._accumulator.final()
        return error

    def abandon(self) -> None:
        """The stream was closed or broke after reaching the caller, before it completed.

        The server billed what it generated, so the partial answer is handed to ``on_abandon``
        (once) for accounting. Before the caller had the stream, a failure belongs to the retry
        loop (the call may yet succeed), so nothing is reported.
        """
        if self.done or self._abandoned or not self.opened:
            return
        self._abandoned = True
        if self._on_abandon is not None and self._accumulator is not None:
            self._on_abandon(self._accumulator.final())

    def _events(self, events: list[ServerSentEvent]) -> None:
        for event in events:
            if self.done or self.failure is not None:
                return  # nothing after the end counts
            name = event.event
            raises = self._raises_message if name == "message" else self._protocol.raises_event(name)
            self._event(event.data, raises)

    def _event(self, data: str, raises: bool) -> None:
        """One event's data: the end marker, an error, or a chunk to validate, accumulate and show."""
        protocol = self._protocol
        if protocol.done_marker and data.startswith("[DONE]"):
            self._complete()
            return
        if raises:
            raise self._error_event(data)
        try:
            chunk: Any = self._validate(data)
        except pydantic.ValidationError as exc:
            raise self._bad_event(data, exc) from None
        if protocol.is_error(chunk):
            raise self._error_event(data)
        accumulator = self._accumulator
        replayed = self._replayed
        if replayed is not None and replayed(chunk, accumulator):
            return  # a resumed stream repeating an event the caller already has
        self._received.append(data)
        if accumulator is not None:
            accumulator.add(chunk)
        shown = protocol.shown(chunk, self._hide_usage)
        if shown is not None:
            self.pending.append(shown)
        ending = self._ending
        if ending is not None:
            end = ending(chunk)
            if end is not None:
                self._end(end, chunk)

    def _end(self, ending: str, chunk: Any) -> None:
        """An event ended the stream: complete, or a failure raised once the events before it
        (and it) reached the caller."""
        if ending != ERROR:
            self._complete()  # a failed response is final and billed like a completed one
        if ending == COMPLETE:
            return
        final = self._accumulator.final() if self._accumulator is not None else None
        validate = self._validate
        received = [validate(data) for data in self._received]
        self.failure = self._protocol.failure(chunk, received, final)
        if isinstance(self.failure, APIError):
            self.failure.request = self.request

    def _complete(self) -> None:
        self.done = True
        if self._accumulator is None:
            return
        final = self._accumulator.final()
        if isinstance(final, ResponseObject):
            final._request_id = self._response.headers.get("x-request-id")
        self.final = final
        if self._on_final is not None:
            self._on_final(final)

    def _error_event(self, data: str) -> APIError:
        try:
            body: Any = json.loads(data)
        except ValueError:
            body = None
        if isinstance(body, dict) and body.get("error"):
            # ``data: {"error": ...}``: the official SDK's error, message and body alike.
            error = body["error"]
            message = error.get("message") if isinstance(error, dict) else None
            if not message or not isinstance(message, str):
                message = "An error occurred during streaming"
            return APIError(message, self.request, body=error)
        details = body if isinstance(body, dict) else None
        message = details.get("message") if details is not None else None
        if not message:
            message = " ".join(data.split())[:300] or "An error occurred during streaming."
        return APIError(f"The server sent an error mid-stream: {message}", self.request, body=body)

    def _bad_event(self, data: str, exc: pydantic.ValidationError) -> APIError:
        try:
            body = json.loads(data)
        except ValueError:
            body = None
        if isinstance(body, dict) and body.get("error"):
            return self._error_event(data)
        first = exc.errors(include_url=False)[0]
        if body is None:
            message = f"The server sent a stream event that is not valid JSON: {data[:200]!r}"
        else:
            where = ".".join(str(p) for p in first["loc"]) or "event"
            message = f"A stream event does not match the API: {where}: {first['msg']}"
        return APIResponseValidationError(message, response=self._response, body=body)


def _overridden(protocol: StreamProtocol, hook: str) -> Callable[..., Any] | None:
    """``protocol``'s ``hook`` method, or None when it keeps the base class's (which says no)."""
    if getattr(type(protocol), hook) is getattr(StreamProtocol, hook):
        return None
    method: Callable[..., Any] = getattr(protocol, hook)
    return method
