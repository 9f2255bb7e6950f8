"""A server error reads the same under gptkit as under the official package: class, ``str(e)``,
``repr(e)``, ``e.message``, ``e.body``, ``e.code``, ``e.param``, ``e.type``, ``e.status_code``
and ``e.request_id``, for the same response (the official ``openai`` package is the oracle)."""

from __future__ import annotations

import json
from typing import Any

import httpx
import openai
import pytest

import gptkit

MSGS = [{"role": "user", "content": "x"}]

ANSWERS: dict[str, tuple[int, Any]] = {
    "bad parameter": (400, {"error": {"message": "bad temp", "type": "invalid_request_error",
                                      "param": "temperature", "code": None}}),
    "unknown model": (404, {"error": {"message": "The model `x` does not exist",
                                      "type": "invalid_request_error", "param": None, "code": "model_not_found"}}),
    "rate limited": (429, {"error": {"message": "Rate limit reached", "type": "requests", "param": None,
                                     "code": "rate_limit_exceeded"}}),
    "out of quota": (429, {"error": {"message": "You exceeded your quota", "type": "insufficient_quota",
                                     "param": None, "code": "insufficient_quota"}}),
    "context too long": (400, {"error": {"message": "maximum context length is 8192 tokens",
                                         "type": "invalid_request_error", "param": "messages",
                                         "code": "context_length_exceeded"}}),
    "text body": (500, "Internal Server Error"),
    "html body": (502, "<html><body>Bad gateway from proxy</body></html>"),
    "empty body": (503, ""),
    "error as a string": (401, {"error": "Unauthorized"}),
    "validation detail": (422, {"detail": [{"loc": ["body", "x"], "msg": "field required"}]}),
    "flat error": (400, {"message": "flat message", "code": 7}),
    "message only": (403, {"error": {"message": "no access"}}),
    "conflict": (409, {"error": {"message": "busy", "type": "conflict", "param": None, "code": "conflict"}}),
    "other status": (418, {"error": {"message": "teapot"}}),
}


def _error(module: Any, status: int, body: Any) -> Any:
    def answer(request: httpx.Request) -> httpx.Response:
        if isinstance(body, str):
            return httpx.Response(status, content=body.encode(), headers={"x-request-id": "req_9"})
        return httpx.Response(status, json=body, headers={"x-request-id": "req_9"})

    client = module.OpenAI(api_key="sk-x", max_retries=0, http_client=httpx.Client(transport=httpx.MockTransport(answer)))
    with pytest.raises(module.APIStatusError) as info:
        client.chat.completions.create(model="gpt-4o", messages=MSGS)
    return info.value


def _shown(error: Any) -> dict[str, Any]:
    # repr's class name aside: gptkit may raise a subclass (checked in the test)
    return {"str": str(error), "repr args": repr(error).partition("(")[2], "message": error.message, "body": error.body,
            "code": error.code, "param": error.param, "type": error.type, "status": error.status_code,
            "request_id": error.request_id}


def _official_class_names(error: Any) -> list[str]:
    return [cls.__name__ for cls in type(error).__mro__ if cls.__module__.startswith("openai")]


@pytest.mark.parametrize("case", sorted(ANSWERS))
def test_status_errors_read_as_the_official_ones(case: str) -> None:
    status, body = ANSWERS[case]
    theirs, ours = _error(openai, status, body), _error(gptkit, status, body)
    assert _shown(ours) == _shown(theirs)
    # gptkit may raise a subclass (InsufficientQuotaError...), but every official class still catches it.
    for name in _official_class_names(theirs):
        if name != "OpenAIError":
            assert isinstance(ours, getattr(gptkit, name)), name
    subclass = {"out of quota": "InsufficientQuotaError", "context too long": "ContextLengthExceededError"}
    assert type(ours).__name__ == subclass.get(case, type(theirs).__name__)


def test_the_whole_body_stays_reachable() -> None:
    status, body = ANSWERS["unknown model"]
    error = _error(gptkit, status, body)
    assert error.json_body == body and error.body == body["error"]  # json_body: the pre-1.0 attribute


@pytest.mark.parametrize("error", [
    {"message": "The server had an error while processing your request.", "type": "server_error", "param": None,
     "code": "server_error"},
    {"type": "server_error"},  # no message: the official fallback text
    "overloaded",
])
def test_an_error_in_the_middle_of_a_stream_reads_as_the_official_one(error: Any) -> None:
    chunk = {"id": "c1", "object": "chat.completion.chunk", "created": 1, "model": "gpt-4o",
             "choices": [{"index": 0, "delta": {"content": "Hel"}, "finish_reason": None}]}
    body = f"data: {json.dumps(chunk)}\n\ndata: {json.dumps({'error': error})}\n\n".encode()

    def run(module: Any) -> tuple[list[str], Any]:
        transport = httpx.MockTransport(lambda request: httpx.Response(
            200, content=body, headers={"content-type": "text/event-stream"}))
        client = module.OpenAI(api_key="sk-x", max_retries=0, http_client=httpx.Client(transport=transport))
        stream = client.chat.completions.create(model="gpt-4o", messages=MSGS, stream=True,
                                                stream_options={"include_usage": False})
        seen: list[str] = []

        def drain() -> None:
            seen.extend(part.choices[0].delta.content for part in stream)

        with pytest.raises(module.APIError) as info:
            drain()
        return seen, info.value

    (their_chunks, theirs), (our_chunks, ours) = run(openai), run(gptkit)
    assert our_chunks == their_chunks == ["Hel"]
    assert type(ours).__name__ == type(theirs).__name__ == "APIError"
    shown = ("message", "body", "code", "param", "type")
    assert {k: getattr(ours, k) for k in shown} == {k: getattr(theirs, k) for k in shown}
    assert (str(ours), repr(ours)) == (str(theirs), repr(theirs))
