"""Every failure becomes its typed error, with the server's fields, and never leaks the key."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

import gptkit

from .helpers import API_KEY, Recorder, close, invoke, make_client

MSGS = [{"role": "user", "content": "hi"}]


def _err(status: int, code: str | None = None, message: str = "boom", **headers: str) -> httpx.Response:
    body = {"error": {"message": message, "type": "invalid_request_error", "param": "messages", "code": code}}
    return httpx.Response(status, json=body, headers={"x-request-id": "req_err", **headers})


STATUS_CASES = [
    (400, None, gptkit.BadRequestError),
    (400, "context_length_exceeded", gptkit.ContextLengthExceededError),
    (401, "invalid_api_key", gptkit.AuthenticationError),
    (403, None, gptkit.PermissionDeniedError),
    (404, "model_not_found", gptkit.NotFoundError),
    (409, None, gptkit.ConflictError),
    (422, None, gptkit.UnprocessableEntityError),
    (429, "rate_limit_exceeded", gptkit.RateLimitError),
    (429, "insufficient_quota", gptkit.InsufficientQuotaError),
    (418, None, gptkit.APIStatusError),
    (500, None, gptkit.InternalServerError),
    (503, None, gptkit.InternalServerError),
]


@pytest.mark.parametrize(("status", "code", "cls"), STATUS_CASES)
async def test_status_maps_to_class(kind: str, status: int, code: str | None, cls: type[Exception]) -> None:
    rec = Recorder(_err(status, code))
    client = make_client(kind, rec, max_retries=0)
    with pytest.raises(cls) as info:
        await invoke(client, "chat.completions.create", model="gpt-4o", messages=MSGS)
    err: Any = info.value
    assert type(err) is cls
    assert isinstance(err, gptkit.APIStatusError)
    assert err.status_code == status
    assert err.request_id == "req_err"
    assert err.code == code
    assert err.type == "invalid_request_error"
    assert err.param == "messages"
    assert err.body["message"] == "boom"  # the error object, as the official SDK gives it
    assert "boom" in str(err)
    assert str(status) in str(err)
    assert API_KEY not in str(err) and API_KEY not in repr(err)
    await close(client)


async def test_non_json_error_body_is_kept_as_text(kind: str) -> None:
    rec = Recorder(httpx.Response(502, text="<html><body>Bad gateway from proxy</body></html>"))
    client = make_client(kind, rec, max_retries=0)
    with pytest.raises(gptkit.InternalServerError) as info:
        await invoke(client, "chat.completions.create", model="gpt-4o", messages=MSGS)
    assert str(info.value) == "Error code: 502"  # the official SDK's text; the page is in body
    assert info.value.body == "<html><body>Bad gateway from proxy</body></html>"
    await close(client)


@pytest.mark.parametrize(
    ("exc", "cls"),
    [
        (httpx.ConnectError("connection refused"), gptkit.APIConnectionError),
        (httpx.RemoteProtocolError("peer closed connection"), gptkit.APIConnectionError),
        (httpx.ReadTimeout("timed out"), gptkit.APITimeoutError),
        (httpx.ConnectTimeout("timed out"), gptkit.APITimeoutError),
    ],
)
async def test_transport_errors_map(kind: str, exc: Exception, cls: type[Exception]) -> None:
    rec = Recorder(exc)
    client = make_client(kind, rec, max_retries=0)
    with pytest.raises(cls) as info:
        await invoke(client, "chat.completions.create", model="gpt-4o", messages=MSGS)
    assert type(info.value) is cls
    assert isinstance(info.value, gptkit.APIError)
    assert info.value.request is not None
    # Worded as the official package's (programs print e.message); the detail is the cause.
    official = "Request timed out." if cls is gptkit.APITimeoutError else "Connection error."
    assert info.value.message == str(info.value) == official
    assert info.value.__cause__ is exc
    await close(client)


@pytest.mark.parametrize(
    ("body", "fragment"),
    [(b"{not json", "not valid JSON"), (b'{"choices": "nope"}', "choices")],
)
async def test_bad_success_body_is_a_validation_error(kind: str, body: bytes, fragment: str) -> None:
    rec = Recorder(httpx.Response(200, content=body, headers={"content-type": "application/json"}))
    client = make_client(kind, rec, max_retries=0)
    with pytest.raises(gptkit.APIResponseValidationError, match=fragment) as info:
        await invoke(client, "chat.completions.create", model="gpt-4o", messages=MSGS)
    assert info.value.status_code == 200
    await close(client)


def test_hierarchy_matches_the_official_package() -> None:
    assert issubclass(gptkit.APIStatusError, gptkit.APIError)
    assert issubclass(gptkit.APITimeoutError, gptkit.APIConnectionError)
    assert issubclass(gptkit.InsufficientQuotaError, gptkit.RateLimitError)
    assert issubclass(gptkit.StreamInterruptedError, gptkit.APIConnectionError)
    assert issubclass(gptkit.InvalidParameterError, ValueError)
    for name in ("BadRequestError", "AuthenticationError", "PermissionDeniedError", "NotFoundError",
                 "ConflictError", "UnprocessableEntityError", "RateLimitError", "InternalServerError"):
        assert issubclass(getattr(gptkit, name), gptkit.APIStatusError)


PROGRAM = """
import gptkit as openai  # was: import openai

client = openai.OpenAI(api_key="sk-program-key", http_client=http_client, max_retries=0)
try:
    client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "x"}], temperature=7)
except openai.BadRequestError as e:
    caught = e
"""


def test_an_invalid_parameter_is_caught_as_bad_request_without_being_sent() -> None:
    rec = Recorder(httpx.Response(200, json={}))
    scope: dict[str, Any] = {"http_client": httpx.Client(transport=rec.transport)}
    exec(compile(PROGRAM, "<program>", "exec"), scope)
    error = scope["caught"]
    assert rec.requests == []  # raised before any I/O
    assert isinstance(error, gptkit.InvalidParameterError) and isinstance(error, gptkit.InvalidRequestError)
    assert isinstance(error, ValueError) and error.param == "temperature" and error.sent is False
    # The answer the API would have given, made locally and labelled as such.
    assert error.status_code == 400 and error.response.status_code == 400
    expected = {"message": error.message, "type": "invalid_request_error", "param": "temperature", "code": None}
    assert error.body == expected and error.response.json() == {"error": expected}
    assert (error.type, error.code, error.request_id, error.request) == ("invalid_request_error", None, None, None)
    assert error.retry_after is None and error.attempts == 1
    assert str(error).startswith("Invalid parameter for chat.completions.create: 'temperature'")


async def test_every_pre_io_rejection_is_a_bad_request(kind: str) -> None:
    rec = Recorder(httpx.Response(200, json={}))
    client = make_client(kind, rec)
    calls = [
        ("chat.completions.create", {"model": "m", "messages": []}),
        ("chat.completions.create", {"model": "m", "messages": MSGS, "temprature": 1}),
        ("chat.completions.parse", {"model": "m", "messages": MSGS, "response_format": 42}),
        ("embeddings.create", {"model": "m", "input": ""}),
        ("files.retrieve", {"file_id": ""}),
        ("batches.retrieve", {"batch_id": 3}),
        ("models.retrieve", {"model": ""}),
    ]
    for path, params in calls:
        with pytest.raises(gptkit.BadRequestError) as info:
            await invoke(client, path, **params)
        assert isinstance(info.value, gptkit.InvalidParameterError) and info.value.status_code == 400, path
    assert rec.requests == []
    await close(client)
