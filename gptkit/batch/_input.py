"""Batch input files: the provider's Batch API line format, streamed and validated.

A line is ``{"custom_id": ..., "method": "POST", "url": "/v1/chat/completions", "body": {...}}``.
Files are read line by line and never held in memory; validation uses the same parameter
validators as the client, so a line that passes here is not rejected by ``create`` later.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from gptkit._core._base import Endpoint
from gptkit._core._params import clean_params
from gptkit._exceptions import InvalidParameterError
from gptkit.batch._errors import BatchInputError, InputProblem
from gptkit.resources.chat import CHAT_COMPLETIONS
from gptkit.resources.completions import COMPLETIONS
from gptkit.resources.embeddings import EMBEDDINGS
from gptkit.resources.responses import CREATE as RESPONSES

__all__ = ["ENDPOINTS", "BatchRequest", "InputReport", "iter_requests", "parse_line", "validate_input"]

#: The Batch API URLs gptkit can run itself, and the client endpoint behind each.
ENDPOINTS: dict[str, Endpoint] = {
    "/v1/chat/completions": CHAT_COMPLETIONS,
    "/v1/responses": RESPONSES,
    "/v1/embeddings": EMBEDDINGS,
    "/v1/completions": COMPLETIONS,
}
#: Keys the client reads as per-call options, never as body parameters.
_OPTION_KEYS = frozenset({"extra_headers", "extra_query", "extra_body", "timeout", "tags"})


@dataclass(frozen=True)
class BatchRequest:
    """One input line: its 1-based line number, id, URL and request body."""

    line: int
    custom_id: str
    url: str
    body: dict[str, Any]


@dataclass(frozen=True)
class InputReport:
    """What validating an input file found: request count and the URLs used."""

    path: str
    total: int
    urls: frozenset[str]
    #: custom_id -> line number of every request (for resume bookkeeping and sorting).
    lines: dict[str, int]


def parse_line(raw: bytes | str, line: int) -> BatchRequest:
    """Parse one line's envelope (not its body parameters); ``ValueError`` says what is wrong."""
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:  # its own "line 1" is the line's, not the file's: say the column
        raise ValueError(f"not valid JSON: {exc.msg} at column {exc.colno}") from None
    except ValueError as exc:  # not UTF-8
        raise ValueError(f"not valid JSON: {exc}") from None
    if not isinstance(data, dict):
        raise ValueError(f"must be a JSON object, not {type(data).__name__}")
    custom_id = data.get("custom_id")
    if not isinstance(custom_id, str) or not custom_id:
        raise ValueError("'custom_id' must be a non-empty string")
    method = data.get("method", "POST")
    if method != "POST":
        raise ValueError(f"'method' must be \"POST\", not {method!r}")
    url = data.get("url")
    if url not in ENDPOINTS:
        allowed = ", ".join(ENDPOINTS)
        raise ValueError(f"'url' must be one of {allowed}, not {url!r}")
    body = data.get("body")
    if not isinstance(body, dict):
        raise ValueError("'body' must be a JSON object")
    return BatchRequest(line, custom_id, url, body)


def check_body(request: BatchRequest) -> None:
    """Validate the body with the client's own validators; ``ValueError`` says what is wrong."""
    body = request.body
    for key in body:
        if key in _OPTION_KEYS:
            raise ValueError(f"'body.{key}' is not a parameter of {request.url}")
    if body.get("stream"):
        raise ValueError("'body.stream' must not be true: batch requests are not streamed")
    if request.url == "/v1/responses" and body.get("background"):
        # A background response comes back ``queued``: the result must be the finished one.
        raise ValueError("'body.background' must not be true: a batch result is the finished response")
    validator = ENDPOINTS[request.url].validator
    assert validator is not None
    try:
        validator.validate(clean_params(body))
    except InvalidParameterError as exc:
        raise ValueError(f"invalid body: {exc.message}") from None


def _raw_lines(path: str) -> Iterator[tuple[int, bytes]]:
    with open(path, "rb") as handle:
        for number, raw in enumerate(handle, start=1):
            if raw.strip():
                yield number, raw


def iter_requests(path: str) -> Iterator[BatchRequest]:
    """The requests of ``path`` in file order, read lazily (blank lines are skipped)."""
    for number, raw in _raw_lines(path):
        yield parse_line(raw, number)


def validate_input(path: str, *, max_problems: int = 20, check_bodies: bool = True) -> InputReport:
    """Read ``path`` once and check every line before anything is sent.

    Finds bad JSON, missing or duplicate ``custom_id``, unknown URLs and invalid parameters
    (with ``check_bodies``); raises ``BatchInputError`` listing the first ``max_problems`` with
    their line numbers. Only ids and line numbers are kept, never the bodies.
    """
    problems: list[InputProblem] = []
    count = 0
    lines: dict[str, int] = {}
    urls: set[str] = set()
    try:
        source = _raw_lines(path)
        for number, raw in source:
            try:
                request = parse_line(raw, number)
            except ValueError as exc:
                count += 1
                if len(problems) < max_problems:
                    problems.append(InputProblem(number, str(exc)))
                continue
            first = lines.get(request.custom_id)
            problem: str | None = None
            if first is not None:
                problem = f"duplicate custom_id (first on line {first})"
            else:
                lines[request.custom_id] = number
                urls.add(request.url)
                if check_bodies:
                    try:
                        check_body(request)
                    except ValueError as exc:
                        problem = str(exc)
            if problem is not None:
                count += 1
                if len(problems) < max_problems:
                    problems.append(InputProblem(number, problem, request.custom_id))
    except FileNotFoundError:
        raise BatchInputError(path, [InputProblem(None, "file not found")], 1) from None
    except OSError as exc:
        raise BatchInputError(path, [InputProblem(None, f"cannot read the file: {exc.strerror or exc}")],
                              1) from None
    if count:
        raise BatchInputError(path, problems, count)
    if not lines:
        raise BatchInputError(path, [InputProblem(None, "the file holds no requests")], 1)
    return InputReport(path=path, total=len(lines), urls=frozenset(urls), lines=lines)
