"""Result and failure lines, in the provider's Batch API output format.

Every line is ``{"id", "custom_id", "response": {"status_code", "request_id", "body"}, "error"}``,
so files written by ``gptkit.batch.run`` and by the Batch API (``fetch``) are interchangeable.
Failure lines carry gptkit's typed error in ``error``: the Batch API's ``code`` and ``message``
plus ``class``, ``status``, ``type``, ``param`` and ``attempts``.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

import httpx

from gptkit._core._errors import status_error
from gptkit._exceptions import APIError, APIStatusError

__all__ = ["error_info", "failure_line", "new_line_id", "normalise_provider_failure", "success_line"]

_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def new_line_id() -> str:
    """A unique id for one output line, in the Batch API's style."""
    return "batch_req_" + uuid.uuid4().hex


def _compact(body: bytes) -> bytes:
    # A body pretty-printed by the server would break the one-record-per-line format.
    if b"\n" in body or b"\r" in body:
        return _dumps(json.loads(body)).encode()
    return body


def success_line(custom_id: str, status: int, request_id: str | None, body: bytes) -> bytes:
    """One result line around the server's JSON ``body`` (written as sent, never re-encoded)."""
    head = (
        '{"id":' + _dumps(new_line_id()) + ',"custom_id":' + _dumps(custom_id)
        + ',"response":{"status_code":' + str(status) + ',"request_id":' + _dumps(request_id)
        + ',"body":'
    )
    return head.encode() + _compact(body) + b'},"error":null}\n'


def error_info(error: BaseException) -> dict[str, Any]:
    """The ``error`` object of a failure line for ``error``."""
    info: dict[str, Any] = {
        "code": None, "message": str(error) or type(error).__name__, "class": type(error).__name__,
        "status": None, "type": None, "param": None, "attempts": 1,
    }
    if isinstance(error, APIError):
        info.update(code=error.code, type=error.type, param=error.param, attempts=error.attempts)
        if getattr(error, "sent", True):  # an InvalidParameterError's 400 was never answered
            info["status"] = getattr(error, "status_code", None)
    return info


def failure_line(custom_id: str, error: BaseException) -> bytes:
    """One failure line: the HTTP response when there was one, and the typed error."""
    response: dict[str, Any] | None = None
    http = getattr(error, "response", None)
    if isinstance(error, APIError) and isinstance(http, httpx.Response) and getattr(error, "sent", True):
        response = {"status_code": http.status_code, "request_id": http.headers.get("x-request-id"),
                    "body": error.json_body}  # the whole body, as the Batch API records it
    record = {"id": new_line_id(), "custom_id": custom_id, "response": response, "error": error_info(error)}
    return (_dumps(record) + "\n").encode()


def normalise_provider_failure(record: dict[str, Any]) -> dict[str, Any]:
    """A Batch API error-file line with gptkit's typed ``error`` filled in (for ``fetch``).

    The provider leaves ``error`` null when the request got an HTTP error response; the typed
    class is derived from that status and body exactly as the client would have raised it.
    """
    response = record.get("response")
    error = record.get("error")
    if isinstance(response, dict) and isinstance(response.get("status_code"), int):
        status = response["status_code"]
        if status >= 400:
            body = response.get("body")
            http = httpx.Response(
                status, json=body, request=httpx.Request("POST", "https://batch.invalid/"),
                headers={"x-request-id": str(response.get("request_id") or "")},
            )
            typed: APIStatusError = status_error(http)
            info = error_info(typed)
            if isinstance(error, dict):
                info.update({k: v for k, v in error.items() if v is not None})
            record["error"] = info
            return record
    if isinstance(error, dict):
        record["error"] = {"class": "BatchError", "status": None, "type": None, "param": None,
                           "attempts": 1, "code": error.get("code"), **error}
    return record
