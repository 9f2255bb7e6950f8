"""Azure's content-filter results (responses, chunks, errors) and its 429s, over the transport seam."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

import gptkit
from gptkit.testing import VirtualClock
from gptkit.types import ChatCompletionChunk, ContentFilterResults

from .helpers import Recorder, chat_body, close, invoke
from .test_azure import AZURE_ENV, COMPLETION_BODY, MSGS, make_azure


@pytest.fixture(autouse=True)
def _no_azure_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in AZURE_ENV:
        monkeypatch.delenv(var, raising=False)


def _safe(**overrides: Any) -> dict[str, Any]:
    results: dict[str, Any] = {name: {"filtered": False, "severity": "safe"}
                               for name in ("hate", "self_harm", "sexual", "violence")}
    results.update(overrides)
    return results


def _azure_chat() -> dict[str, Any]:
    body = chat_body("Sure.")
    body["prompt_filter_results"] = [
        {"prompt_index": 0, "content_filter_results": _safe(
            jailbreak={"filtered": False, "detected": False},
            custom_blocklists={"filtered": False, "details": [{"id": "bl-1", "filtered": False}]},
        )}
    ]
    body["choices"][0]["content_filter_results"] = _safe(
        violence={"filtered": False, "severity": "low"},
        protected_material_code={"filtered": False, "detected": True,
                                 "citation": {"URL": "https://github.com/x/y", "license": "MIT"}},
        protected_material_text={"filtered": False, "detected": False},
    )
    return body


async def test_filter_results_on_a_chat_completion(kind: str) -> None:
    rec = Recorder(httpx.Response(200, json=_azure_chat()))
    client = make_azure(kind, rec)
    result = await invoke(client, "chat.completions.create", model="d", messages=MSGS)
    prompt = result.prompt_filter_results[0]
    assert prompt.prompt_index == 0
    assert prompt.content_filter_results.hate.severity == "safe"
    assert prompt.content_filter_results.jailbreak.detected is False
    assert prompt.content_filter_results.custom_blocklists.details[0].id == "bl-1"
    choice = result.choices[0].content_filter_results
    assert isinstance(choice, ContentFilterResults)
    assert choice.violence.severity == "low" and choice.violence.filtered is False
    assert choice.protected_material_code.detected is True
    assert choice.protected_material_code.citation.url == "https://github.com/x/y"
    assert choice.protected_material_code.citation.license == "MIT"
    assert choice.filtered is False and choice.filtered_categories == []
    await close(client)


async def test_filter_results_on_a_text_completion(kind: str) -> None:
    body = dict(COMPLETION_BODY)
    body["choices"] = [{**COMPLETION_BODY["choices"][0], "finish_reason": "content_filter",  # type: ignore[index]
                        "content_filter_results": _safe(sexual={"filtered": True, "severity": "medium"})}]
    body["prompt_annotations"] = [{"prompt_index": 0, "content_filter_results": _safe()}]  # older API versions
    rec = Recorder(httpx.Response(200, json=body))
    client = make_azure(kind, rec)
    result = await invoke(client, "completions.create", model="d", prompt="x")
    assert result.choices[0].finish_reason == "content_filter"
    assert result.choices[0].content_filter_results.filtered_categories == ["sexual"]
    assert result.prompt_filter_results[0].content_filter_results.filtered is False
    await close(client)


def test_filter_results_on_stream_chunks() -> None:
    first = ChatCompletionChunk.model_validate({
        "id": "", "object": "", "created": 0, "model": "", "choices": [],
        "prompt_filter_results": [{"prompt_index": 0, "content_filter_results": _safe()}],
    })
    assert first.prompt_filter_results is not None
    assert first.prompt_filter_results[0].content_filter_results.hate.severity == "safe"  # type: ignore[union-attr]
    middle = ChatCompletionChunk.model_validate({
        "id": "c", "object": "chat.completion.chunk", "created": 1, "model": "gpt-4o",
        "choices": [{"index": 0, "delta": {"content": "Hi"}, "finish_reason": None,
                     "content_filter_results": _safe(profanity={"filtered": False, "detected": True})}],
    })
    results = middle.choices[0].content_filter_results
    assert results is not None and results.profanity is not None and results.profanity.detected is True
    empty = ChatCompletionChunk.model_validate({
        "choices": [{"index": 0, "delta": {}, "content_filter_results": {}}],
    })
    assert empty.choices[0].content_filter_results == ContentFilterResults()


def test_legacy_blocklist_list_and_unknown_categories() -> None:
    results = ContentFilterResults.model_validate({
        "custom_blocklists": [{"id": "a", "filtered": False}, {"id": "b", "filtered": True}],
        "ungrounded_material": {"filtered": False, "detected": False},
        "error": {"code": "content_filter_error", "message": "The contents are not filtered"},
    })
    assert results.custom_blocklists is not None and results.custom_blocklists.filtered is True
    assert [d.id for d in results.custom_blocklists.details or []] == ["a", "b"]
    assert results.filtered_categories == ["custom_blocklists"]
    assert results.error is not None and results.error.code == "content_filter_error"
    assert results["ungrounded_material"] == {"filtered": False, "detected": False}  # kept, untyped


FILTERED_BODY = {"error": {
    "message": "The response was filtered due to the prompt triggering Azure OpenAI's content management policy.",
    "type": None, "param": "prompt", "code": "content_filter", "status": 400,
    "innererror": {"code": "ResponsibleAIPolicyViolation", "content_filter_result": _safe(
        hate={"filtered": True, "severity": "medium"},
        jailbreak={"filtered": True, "detected": True},
    )},
}}


async def test_content_filter_rejection_is_a_typed_error(kind: str) -> None:
    rec = Recorder(httpx.Response(400, json=FILTERED_BODY))
    client = make_azure(kind, rec, max_retries=3)
    with pytest.raises(gptkit.ContentFilterError) as info:
        await invoke(client, "chat.completions.create", model="d", messages=MSGS)
    error = info.value
    assert isinstance(error, gptkit.BadRequestError)
    assert error.code == "content_filter" and error.inner_code == "ResponsibleAIPolicyViolation"
    assert error.param == "prompt" and error.status_code == 400
    result = error.content_filter_result
    assert result is not None and result.filtered_categories == ["hate", "jailbreak"]
    assert result.hate is not None and result.hate.severity == "medium"
    assert "content management policy" in str(error)
    assert len(rec.requests) == 1  # never retried
    await close(client)


def test_inner_code_alone_marks_a_content_filter_error() -> None:
    from gptkit._core._errors import status_error

    body = {"error": {"code": "BadRequest", "message": "filtered",
                      "innererror": {"code": "ResponsibleAIPolicyViolation"}}}
    error = status_error(httpx.Response(400, json=body, request=httpx.Request("POST", "https://x")))
    assert isinstance(error, gptkit.ContentFilterError) and error.content_filter_result is None
    plain = status_error(httpx.Response(400, json={"error": {"message": "bad", "code": "x",
                                                             "innererror": {"content_filter_result": 5}}},
                                        request=httpx.Request("POST", "https://x")))
    assert type(plain) is gptkit.BadRequestError
    assert plain.inner_code is None and plain.content_filter_result is None  # malformed: ignored


AZURE_429 = {"error": {"code": "429", "message": (
    "Requests to the ChatCompletions_Create Operation under Azure OpenAI API version 2024-10-21 have "
    "exceeded token rate limit of your current OpenAI S0 pricing tier. Please retry after 7 seconds.")}}


@pytest.mark.parametrize(("headers", "expected"), [
    ({"retry-after-ms": "1250", "retry-after": "2"}, 1.25),  # the precise header wins
    ({"retry-after": "7"}, 7.0),
])
async def test_azure_429_is_retried_from_its_headers(
    kind: str, headers: dict[str, str], expected: float
) -> None:
    limits = {"x-ratelimit-remaining-requests": "0", "x-ratelimit-remaining-tokens": "0"}
    rec = Recorder(httpx.Response(429, json=AZURE_429, headers={**headers, **limits}),
                   httpx.Response(200, json=chat_body("after wait")))
    client = make_azure(kind, rec, retry=gptkit.RetryPolicy(max_attempts=3, _random=lambda lo, hi: hi))
    with VirtualClock() as clock:
        result = await invoke(client, "chat.completions.create", model="d", messages=MSGS)
    assert result.choices[0].message.content == "after wait"
    assert clock.sleeps == [expected]
    assert len(rec.requests) == 2
    assert all(r.url.path == "/openai/deployments/d/chat/completions" for r in rec.requests)
    await close(client)
