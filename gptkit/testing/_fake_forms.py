"""Request helpers of the fake's newer endpoints: multipart forms, JSON bodies, ids, errors."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from email.parser import BytesParser
from email.policy import HTTP
from typing import TYPE_CHECKING, Any

from gptkit.testing._fake_answers import error_body
from gptkit.testing._fake_reply import FakeReply

if TYPE_CHECKING:
    from gptkit.testing._faults import FakeRequest

__all__ = ["Form", "Serial", "bad_request", "event_stream", "json_object", "missing", "parse_form"]


class Form:
    """The parts of a ``multipart/form-data`` body: fields (repeatable) and files."""

    def __init__(self, parts: list[tuple[str, str | None, bytes]]) -> None:
        self.parts = parts

    def values(self, name: str) -> list[str]:
        """Every text value of field ``name`` (``name[]`` repeats count too)."""
        return [data.decode("utf-8", "replace") for key, filename, data in self.parts
                if key in (name, name + "[]") and filename is None]

    def value(self, name: str) -> str | None:
        found = self.values(name)
        return found[-1] if found else None

    def files(self, name: str) -> list[tuple[str, bytes]]:
        """``(filename, bytes)`` of every file sent as ``name`` or ``name[]``."""
        return [(filename, data) for key, filename, data in self.parts
                if key in (name, name + "[]") and filename is not None]

    def names(self) -> set[str]:
        return {key for key, _, _ in self.parts}


def parse_form(request: FakeRequest) -> Form | None:
    """The request's form, or None when it is not ``multipart/form-data``."""
    content_type = request.headers.get("content-type", "")
    if not content_type.startswith("multipart/form-data"):
        return None
    head = f"Content-Type: {content_type}\r\n\r\n".encode("latin-1")
    message = BytesParser(policy=HTTP).parsebytes(head + request.content)
    if not message.is_multipart():
        return None
    parts: list[tuple[str, str | None, bytes]] = []
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        payload = part.get_payload(decode=True)
        if isinstance(name, str) and isinstance(payload, bytes):
            parts.append((name, part.get_filename(), payload))
    return Form(parts)


def bad_request(message: str, param: str | None = None, code: str | None = None) -> tuple[int, Any]:
    return 400, error_body(message, "invalid_request_error", code, param)


def missing(param: str) -> tuple[int, Any]:
    return bad_request(f"Missing required parameter: '{param}'.", param, "missing_required_parameter")


def json_object(request: FakeRequest) -> dict[str, Any] | None:
    """The JSON body when it is an object (an empty body counts as ``{}``)."""
    if not request.content:
        return {}
    return request.body if isinstance(request.body, dict) else None


class Serial:
    """Sequential ids (``prefix`` + 15 digits), so that runs are repeatable."""

    def __init__(self, prefix: str) -> None:
        self._prefix = prefix
        self._count: Iterator[int] = itertools.count(1)

    def next(self) -> str:
        return f"{self._prefix}{next(self._count):015d}"


def event_stream(events: list[dict[str, Any]], chunk_delay: float = 0.0) -> FakeReply:
    """A server-sent event stream of typed events (``event: <type>``), ending after the last one
    with no ``[DONE]``, as the image and transcription streams do."""
    chunks = [f"event: {event['type']}\ndata: {json.dumps(event, separators=(',', ':'))}\n\n".encode()
              for event in events]
    return FakeReply(200, [("content-type", "text/event-stream; charset=utf-8")], chunks, stream=True,
                     chunk_delay=chunk_delay)
