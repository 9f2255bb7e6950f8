"""The Responses API's stream protocol (sans-IO): named events, no ``[DONE]``, resumable.

A Responses stream sends each event as an ``event: <type>`` line and a ``data:`` line holding the
typed event (with its ``sequence_number``). It has no end marker: ``response.completed``,
``response.incomplete`` or ``response.failed`` carries the finished response and ends it; an
``error`` event ends it with no response. Unlike chat, the ``error`` and ``response.failed``
events are events of the API's union: the caller sees them, then the stream raises
``ResponseFailedError`` carrying what arrived.

A stored background response can be streamed again from any event on
(``GET /responses/{id}?stream=true&starting_after=N``), so a stream of one that breaks midway is
picked up after its last event instead of failing (``resume_point``); events replayed by the
server are skipped by their ``sequence_number``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any
from urllib.parse import quote

from gptkit._exceptions import ResponseFailedError
from gptkit._responses._accumulate import ResponseAccumulator
from gptkit._streams._protocol import COMPLETE, ERROR, FAILED, StreamProtocol

__all__ = ["BETA_RESPONSES_STREAM", "RESPONSES_STREAM", "ResponsesStreamProtocol"]

_ENDINGS = {"response.completed": COMPLETE, "response.incomplete": COMPLETE,
            "response.failed": FAILED, "error": ERROR}


class ResponsesStreamProtocol(StreamProtocol):
    """How ``POST /responses`` (``stream=True``) and ``GET /responses/{id}?stream=true`` stream."""

    end_name = "its response.completed event"
    resumable = True

    def __init__(self, events: str = "gptkit.types.responses.response_stream_event:ResponseStreamEvent",
                 query: dict[str, str] | None = None) -> None:
        self._events = events  # the event union, imported by the first stream
        self._query = query or {}  # what a resumed request adds to its query (``beta=true``)
        self._validate: Callable[[str], Any] | None = None
        self._lock = threading.Lock()

    def validator(self) -> Callable[[str], Any]:
        # Built on first use: the event union is large, and most programs never stream it.
        if self._validate is None:
            with self._lock:
                if self._validate is None:
                    import importlib

                    from pydantic import TypeAdapter

                    module, _, name = self._events.partition(":")
                    adapter: TypeAdapter[Any] = TypeAdapter(getattr(importlib.import_module(module), name))
                    self._validate = adapter.validator.validate_json
        return self._validate

    def new_accumulator(self) -> ResponseAccumulator:
        return ResponseAccumulator()

    def replayed(self, chunk: Any, accumulator: Any) -> bool:
        return accumulator is not None and bool(accumulator.seen(chunk))

    def ending(self, chunk: Any) -> str | None:
        return _ENDINGS.get(chunk.type)

    def failure(self, chunk: Any, received: list[Any], final: Any) -> Exception:
        if chunk.type == "error":
            message = chunk.message or "An error occurred during streaming."
            body: dict[str, Any] = {"error": {"message": message, "type": "error", "code": chunk.code,
                                              "param": chunk.param}}
            return ResponseFailedError(f"The server sent an error mid-stream: {message}", body=body,
                                       response=final, received=received)
        error = getattr(final, "error", None)
        message = getattr(error, "message", None) or "The response failed."
        body = {"error": {"message": message, "type": "response_failed",
                          "code": getattr(error, "code", None), "param": None}}
        ident = getattr(final, "id", "") or "the response"
        return ResponseFailedError(f"{ident} failed: {message}", body=body, response=final, received=received)

    def resume_point(self, accumulator: Any) -> tuple[str, int] | None:
        if not isinstance(accumulator, ResponseAccumulator) or not accumulator.resumable:
            return None
        ident, after = accumulator.response_id, accumulator.last_sequence_number
        return None if ident is None or after is None else (ident, after)

    def resume_request(self, ident: str, after: int) -> tuple[str, dict[str, Any]]:
        query = {**self._query, "stream": "true", "starting_after": after}
        return f"/responses/{quote(ident, safe='')}", query


#: The one protocol instance the Responses endpoints declare.
RESPONSES_STREAM = ResponsesStreamProtocol()
#: ``client.beta.responses``' streams: the beta events (each with its ``agent``), resumed at the
#: beta path (``?beta=true``).
BETA_RESPONSES_STREAM = ResponsesStreamProtocol(
    "gptkit.types.beta.beta_response_stream_event:BetaResponseStreamEvent", {"beta": "true"})

