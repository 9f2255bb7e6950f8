"""Response objects print and serialise exactly as the official package's do, on the same JSON.

Each body goes to the official ``openai`` client and to gptkit's over the transport seam; every
printed or serialised form must be byte for byte the same. gptkit's own additions (cost, request
id, the estimated-usage flag) must not show.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

import httpx
import openai
import pytest

import gptkit

from .printing_cases import MORE_CASES
from .printing_responses import RESPONSES_CASES

MSGS = [{"role": "user", "content": "hi"}]

TOOL_CALLS_CHAT = {
    "id": "chatcmpl-tools", "object": "chat.completion", "created": 1_700_000_000, "model": "gpt-4o",
    "choices": [{
        "index": 0, "finish_reason": "tool_calls",
        "message": {
            "role": "assistant", "content": None, "refusal": None, "annotations": [],
            "tool_calls": [
                {"id": "call_1", "type": "function",
                 "function": {"name": "get_weather", "arguments": "{\"city\":\"Paris\"}"}},
                {"id": "call_2", "type": "custom", "custom": {"name": "sql", "input": "SELECT 1"}},
            ],
        },
        "logprobs": {"content": [{"token": "Hi", "logprob": -0.1, "bytes": [72, 105],
                                  "top_logprobs": [{"token": "Hi", "logprob": -0.1, "bytes": [72, 105]}]}],
                     "refusal": None},
    }],
    "usage": {"prompt_tokens": 20, "completion_tokens": 10, "total_tokens": 30,
              "prompt_tokens_details": {"cached_tokens": 0, "audio_tokens": 0},
              "completion_tokens_details": {"reasoning_tokens": 0, "audio_tokens": 0,
                                            "accepted_prediction_tokens": 0, "rejected_prediction_tokens": 0}},
    "service_tier": "default", "system_fingerprint": "fp_1",
}

CITED_CHAT = {
    "id": "chatcmpl-cite", "object": "chat.completion", "created": 1, "model": "gpt-4o-search-preview",
    "choices": [{"index": 0, "finish_reason": "stop", "logprobs": None, "message": {
        "role": "assistant", "content": "See example.",
        "annotations": [{"type": "url_citation", "url_citation": {
            "start_index": 4, "end_index": 11, "title": "Example", "url": "https://example.com"}}],
        "audio": {"id": "audio_1", "data": "AAAA", "expires_at": 2, "transcript": "See example."},
    }}],
    "usage": {"prompt_tokens": 1, "completion_tokens": 2, "total_tokens": 3},
}

AZURE_CHAT = {  # Azure adds fields the official models do not declare: they print as extras
    "id": "chatcmpl-az", "object": "chat.completion", "created": 3, "model": "gpt-4o",
    "prompt_filter_results": [{"prompt_index": 0, "content_filter_results": {
        "hate": {"filtered": False, "severity": "safe"}}}],
    "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": "ok"},
                 "content_filter_results": {"violence": {"filtered": False, "severity": "low"}}}],
    "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
}

NO_USAGE_CHAT = {  # a compatible server that sends no usage: gptkit estimates it, flagged
    "id": "chatcmpl-nu", "object": "chat.completion", "created": 4, "model": "llama",
    "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": "ok"}}],
    "usage": {"prompt_tokens": 5, "completion_tokens": 1, "total_tokens": 6},
}

COMPLETION = {
    "id": "cmpl-1", "object": "text_completion", "created": 5, "model": "gpt-3.5-turbo-instruct",
    "choices": [{"text": " world", "index": 0, "finish_reason": "length",
                 "logprobs": {"tokens": [" world"], "token_logprobs": [-0.5], "top_logprobs": [{" world": -0.5}],
                              "text_offset": [5]}}],
    "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
}

EMBEDDINGS = {
    "object": "list", "model": "text-embedding-3-small",
    "data": [{"object": "embedding", "index": 0, "embedding": [0.5, -0.25, 1.0]}],
    "usage": {"prompt_tokens": 2, "total_tokens": 2},
}

MODEL = {"id": "gpt-4o", "object": "model", "created": 1_715_367_049, "owned_by": "system"}
FILE = {"id": "file-1", "object": "file", "bytes": 120, "created_at": 1, "filename": "in.jsonl",
        "purpose": "batch", "status": "processed", "expires_at": None, "status_details": None}
FILE_DELETED = {"id": "file-1", "object": "file", "deleted": True}
BATCH = {
    "id": "batch_1", "object": "batch", "endpoint": "/v1/chat/completions", "errors": {
        "object": "list", "data": [{"code": "invalid_json", "message": "bad line", "param": None, "line": 2}]},
    "input_file_id": "file-1", "completion_window": "24h", "status": "failed", "output_file_id": None,
    "error_file_id": None, "created_at": 1, "in_progress_at": None, "expires_at": 2, "finalizing_at": None,
    "completed_at": None, "failed_at": 3, "expired_at": None, "cancelling_at": None, "cancelled_at": None,
    "request_counts": {"total": 0, "completed": 0, "failed": 0}, "metadata": {"k": "v"},
    "usage": {"input_tokens": 0, "input_tokens_details": {"cached_tokens": 0}, "output_tokens": 0,
              "output_tokens_details": {"reasoning_tokens": 0}, "total_tokens": 0},
}

Call = Callable[[Any], Any]
CASES: dict[str, tuple[Any, Call]] = {
    "chat with tool calls and logprobs": (TOOL_CALLS_CHAT, lambda c: c.chat.completions.create(
        model="gpt-4o", messages=MSGS)),
    "chat with citations and audio": (CITED_CHAT, lambda c: c.chat.completions.create(
        model="gpt-4o", messages=MSGS)),
    "chat from Azure": (AZURE_CHAT, lambda c: c.chat.completions.create(model="gpt-4o", messages=MSGS)),
    "chat with usage": (NO_USAGE_CHAT, lambda c: c.chat.completions.create(model="llama", messages=MSGS)),
    "completion": (COMPLETION, lambda c: c.completions.create(model="gpt-3.5-turbo-instruct", prompt="hello")),
    "embeddings": (EMBEDDINGS, lambda c: c.embeddings.create(model="text-embedding-3-small", input="hi",
                                                             encoding_format="float")),
    "model": (MODEL, lambda c: c.models.retrieve("gpt-4o")),
    "file": (FILE, lambda c: c.files.retrieve("file-1")),
    "file deleted": (FILE_DELETED, lambda c: c.files.delete("file-1")),
    "batch": (BATCH, lambda c: c.batches.retrieve("batch_1")),
    **MORE_CASES,
    **RESPONSES_CASES,
}


def _forms(obj: Any) -> dict[str, str]:
    """Every way a program shows an object."""
    return {
        "str": str(obj),
        "repr": repr(obj),
        "to_json": obj.to_json(),
        "to_json compact, unset included": obj.to_json(indent=None, exclude_unset=False),
        "to_json no nulls": obj.to_json(exclude_none=True),
        "to_dict": repr(obj.to_dict()),
        "to_dict json mode, python names": repr(obj.to_dict(mode="json", use_api_names=False)),
        "model_dump": repr(obj.model_dump()),
        "model_dump exclude_unset": repr(obj.model_dump(exclude_unset=True)),
        "model_dump_json": obj.model_dump_json(),
        "model_dump_json indent": obj.model_dump_json(indent=2),
        "json.dumps(to_dict)": json.dumps(obj.to_dict()),
    }


def _call(module: Any, body: Any, call: Call) -> Any:
    transport = httpx.MockTransport(
        lambda request: httpx.Response(200, json=copy.deepcopy(body), headers={"x-request-id": "req_1"})
    )
    client = module.OpenAI(api_key="sk-test", max_retries=0, http_client=httpx.Client(transport=transport))
    return call(client)


@pytest.mark.parametrize("case", sorted(CASES))
def test_printed_and_serialised_forms_match_the_official_package(case: str) -> None:
    body, call = CASES[case]
    theirs = _forms(_call(openai, body, call))
    ours = _forms(_call(gptkit, body, call))
    assert ours == theirs


def test_nested_objects_print_alike() -> None:
    theirs = _call(openai, TOOL_CALLS_CHAT, CASES["chat with tool calls and logprobs"][1])
    ours = _call(gptkit, TOOL_CALLS_CHAT, CASES["chat with tool calls and logprobs"][1])
    for get in (lambda c: c.choices[0], lambda c: c.choices[0].message, lambda c: c.choices[0].message.tool_calls,
                lambda c: c.choices[0].logprobs, lambda c: c.usage):
        assert str(get(ours)) == str(get(theirs))
        assert repr(get(ours)) == repr(get(theirs))
    assert [type(t).__name__ for t in ours.choices[0].message.tool_calls] == [
        "ChatCompletionMessageFunctionToolCall", "ChatCompletionMessageCustomToolCall"]


def test_gptkit_additions_stay_out_of_printed_output() -> None:
    completion = _call(gptkit, NO_USAGE_CHAT, CASES["chat with usage"][1])
    completion.usage.estimated = True  # as when gptkit estimated it
    assert completion.request_id == "req_1" and completion._request_id == "req_1"
    for text in _forms(completion).values():
        assert "estimated" not in text and "req_1" not in text and "cost" not in text


def test_azure_fields_print_as_sent_and_read_typed() -> None:
    ours = _call(gptkit, AZURE_CHAT, CASES["chat from Azure"][1])
    assert ours.prompt_filter_results is not None
    assert ours.prompt_filter_results[0].content_filter_results.hate.severity == "safe"
    assert ours.choices[0].content_filter_results.violence.severity == "low"
    assert str(ours).endswith("prompt_filter_results=[{'prompt_index': 0, 'content_filter_results': "
                              "{'hate': {'filtered': False, 'severity': 'safe'}}}])")


def test_stream_chunks_print_alike() -> None:
    events = [
        {"id": "c1", "object": "chat.completion.chunk", "created": 1, "model": "gpt-4o", "system_fingerprint": "fp",
         "choices": [{"index": 0, "delta": {"role": "assistant", "content": "", "refusal": None},
                      "logprobs": None, "finish_reason": None}]},
        {"id": "c1", "object": "chat.completion.chunk", "created": 1, "model": "gpt-4o",
         "choices": [{"index": 0, "delta": {"tool_calls": [{"index": 0, "id": "call_1", "type": "function",
                                                             "function": {"name": "f", "arguments": ""}}]},
                      "finish_reason": None}]},
        {"id": "c1", "object": "chat.completion.chunk", "created": 1, "model": "gpt-4o",
         "choices": [{"index": 0, "delta": {}, "finish_reason": "tool_calls"}], "obfuscation": "xyz"},
    ]
    sse = "".join(f"data: {json.dumps(event)}\n\n" for event in events) + "data: [DONE]\n\n"

    def run(module: Any) -> list[str]:
        transport = httpx.MockTransport(lambda request: httpx.Response(
            200, content=sse.encode(), headers={"content-type": "text/event-stream"}))
        client = module.OpenAI(api_key="sk-test", max_retries=0, http_client=httpx.Client(transport=transport))
        stream = client.chat.completions.create(model="gpt-4o", messages=MSGS, stream=True,
                                                stream_options={"include_usage": False})
        return [form for chunk in stream for form in _forms(chunk).values()]

    assert run(gptkit) == run(openai)
