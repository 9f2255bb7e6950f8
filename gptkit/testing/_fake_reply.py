"""A decided reply, as steps the I/O shells play: bytes to send, pauses, and dropped connections.

The fake's core returns a ``FakeReply``; the in-process transports and the socket server both
walk ``reply.steps()`` and differ only in how they send, sleep and drop.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from gptkit.testing._fake_answers import encode_event, error_body
from gptkit.testing._faults import Fault

__all__ = ["DONE", "Drop", "FakeReply", "Step", "apply_fault", "json_reply", "stream_reply"]

DONE = b"data: [DONE]\n\n"


@dataclass(frozen=True)
class Drop:
    """The connection ends here: ``reset`` (a TCP reset, before any response) or ``close``.

    Mid-body drops are always ``close`` (the peer hangs up without finishing the body): a TCP
    reset could destroy chunks already sent but not yet read, which would make tests flaky.
    """

    how: str = "reset"


Step = bytes | float | Drop


@dataclass
class FakeReply:
    """Status, headers and body of one answer, with the timing and breakage to play it with."""

    status: int
    headers: list[tuple[str, str]]
    chunks: list[bytes]
    stream: bool = False
    header_delay: float = 0.0
    chunk_delay: float = 0.0
    #: Extra pause before chunk i (a stall).
    pauses: dict[int, float] = field(default_factory=dict)
    #: No response at all: the connection is reset after the request is read.
    drop_before_headers: bool = False
    #: The connection ends (how, after how many chunks) instead of finishing the body.
    drop: tuple[str, int] | None = None
    #: Content-Length to announce when it differs from what is sent (a truncated body).
    declared_length: int | None = None
    #: Whether a stream ends with ``data: [DONE]`` (chat does; the Responses API does not).
    done_marker: bool = True
    #: The stream's own error event for the ``error_event`` fault (None: chat's ``{"error": ...}``).
    error_chunk: bytes | None = None

    def steps(self) -> Iterator[Step]:
        """The body as the shells play it: bytes, pauses (float seconds) and a final ``Drop``."""
        for index, chunk in enumerate(self.chunks):
            if self.drop is not None and self.drop[1] == index:
                yield Drop(self.drop[0])
                return
            pause = self.pauses.get(index, 0.0) + (self.chunk_delay if index and self.stream else 0.0)
            if pause > 0:
                yield pause
            yield chunk
        if self.drop is not None:
            yield Drop(self.drop[0])

    @property
    def content_length(self) -> int:
        if self.declared_length is not None:
            return self.declared_length
        return sum(len(c) for c in self.chunks)


def json_reply(status: int, body: Any, headers: list[tuple[str, str]]) -> FakeReply:
    """A plain JSON answer (``body`` may be pre-encoded bytes or text)."""
    if isinstance(body, bytes):
        data = body
    elif isinstance(body, str):
        data = body.encode("utf-8")
    else:
        data = json.dumps(body, separators=(",", ":")).encode("utf-8")
    return FakeReply(status, [("content-type", "application/json"), *headers], [data])


def stream_reply(
    events: list[dict[str, Any]], headers: list[tuple[str, str]], chunk_delay: float
) -> FakeReply:
    """A server-sent event stream, one chunk per event, ending with ``[DONE]``."""
    chunks = [encode_event(e) for e in events]
    chunks.append(DONE)
    return FakeReply(200, [("content-type", "text/event-stream; charset=utf-8"), *headers], chunks,
                     stream=True, chunk_delay=chunk_delay)


_SERVER_ERRORS: Mapping[int, str] = {
    500: "The server had an error while processing your request. Sorry about that!",
    503: "The engine is currently overloaded, please try again later.",
    504: "The server did not respond in time.",
}
_BAD_GATEWAY = (b"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
                b"<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n")


def apply_fault(fault: Fault, normal: Callable[[], FakeReply], headers: list[tuple[str, str]]) -> FakeReply:
    """The reply ``fault`` gives instead of ``normal()`` (``headers``: request id and the like).

    ``normal`` is called only by faults that spoil a real answer, so a status fault does not
    use up a scripted answer.
    """
    kind = fault.kind
    if kind == "rate_limit":
        extra: list[tuple[str, str]] = []
        if fault.headers:
            wait = fault.retry_after
            extra = [("retry-after", str(max(1, round(wait)))), ("retry-after-ms", str(round(wait * 1000))),
                     ("x-ratelimit-reset-requests", f"{wait:g}s"), ("x-ratelimit-remaining-requests", "0")]
        body = error_body("Rate limit reached for requests. Please try again later.", "requests",
                          "rate_limit_exceeded")
        return json_reply(429, body, [*headers, *extra])
    if kind == "quota":
        body = error_body("You exceeded your current quota, please check your plan and billing details.",
                          "insufficient_quota", "insufficient_quota")
        return json_reply(429, body, headers)
    if kind == "server_error":
        status = fault.status or 500
        if status == 502:
            return FakeReply(502, [("content-type", "text/html"), *headers], [_BAD_GATEWAY])
        return json_reply(status, error_body(_SERVER_ERRORS[status], "server_error"), headers)
    if kind == "reset" and fault.after_chunks is None:
        return FakeReply(0, headers, [], drop_before_headers=True)
    reply = normal()
    if reply.status != 200:
        return reply  # nothing to spoil (e.g. a 404 or a scripted error)
    if kind == "slow_headers":
        reply.header_delay += fault.seconds
        return reply
    return _break_body(fault, reply)


def _break_body(fault: Fault, reply: FakeReply) -> FakeReply:
    """Faults that spoil a body that has started: reset, stall, truncate, malformed, error event."""
    kind = fault.kind
    if not reply.stream:
        data = b"".join(reply.chunks)
        if kind == "stall":
            reply.pauses[0] = reply.pauses.get(0, 0.0) + fault.seconds
        elif kind == "malformed_json":
            reply.chunks = [data[: max(1, len(data) // 2)]]  # well framed, but not JSON
        elif kind in ("truncate", "reset"):
            # The headers promise the whole body; half of it arrives, then the connection ends.
            reply.declared_length = len(data)
            reply.chunks = [data[: len(data) // 2]]
            reply.drop = ("close", 1)
        elif kind == "error_event":
            return json_reply(500, error_body(_SERVER_ERRORS[500], "server_error"),
                              [h for h in reply.headers if h[0] != "content-type"])
        return reply
    events = reply.chunks[:-1] if reply.done_marker else list(reply.chunks)  # without [DONE]
    cut = min(fault.after_chunks if fault.after_chunks is not None else 1, len(events))
    if kind == "reset":
        reply.drop = ("close", cut)
    elif kind == "stall":
        reply.pauses[cut] = reply.pauses.get(cut, 0.0) + fault.seconds
    elif kind == "truncate":
        reply.chunks = events[:cut]
    elif kind == "malformed_json":
        reply.chunks = [*events[:cut], b'data: {"id": "chatcmpl-broken", "choices": [{"delta": \n\n',
                        *reply.chunks[cut:]]
    elif kind == "error_event":
        error = reply.error_chunk or encode_event(error_body(_SERVER_ERRORS[500], "server_error"))
        reply.chunks = [*events[:cut], error]
    return reply
