"""The fake's sans-IO core: answers, usage, headers, limits and fault rules, with no transport."""

from __future__ import annotations

import base64
import json
import struct
from typing import Any

import httpx
import pytest

from gptkit._tokens import estimate_prompt_tokens, max_output_tokens
from gptkit.testing import FakeOpenAI, Fault, ToolCall
from gptkit.testing._fake_limits import go_duration
from gptkit.testing._fake_reply import Drop

from .fakeutil import MSGS, sse_events, stream_text


def _post(fake: FakeOpenAI, path: str, body: dict[str, Any], **headers: str) -> tuple[int, dict[str, str], bytes]:
    reply = fake.handle("POST", f"/v1{path}", headers, json.dumps(body).encode())
    data = b"".join(s for s in reply.steps() if isinstance(s, bytes))
    return reply.status, dict(reply.headers), data


def test_chat_echo_with_usage_and_request_id() -> None:
    fake = FakeOpenAI()
    body = {"model": "gpt-4o", "messages": MSGS}
    status, headers, data = _post(fake, "/chat/completions", body)
    answer = json.loads(data)
    assert status == 200
    assert headers["x-request-id"].startswith("req_")
    assert answer["choices"][0]["message"]["content"] == "Echo: What is the capital of France?"
    assert answer["usage"]["prompt_tokens"] == estimate_prompt_tokens(body)
    assert answer["usage"]["completion_tokens"] == (len("Echo: What is the capital of France?") + 3) // 4
    assert answer["usage"]["total_tokens"] == answer["usage"]["prompt_tokens"] + answer["usage"]["completion_tokens"]
    _, headers2, _ = _post(fake, "/chat/completions", body)
    assert headers2["x-request-id"] != headers["x-request-id"]


def test_n_choices_and_max_tokens_truncation() -> None:
    fake = FakeOpenAI()
    _, _, data = _post(fake, "/chat/completions", {"model": "gpt-4o", "messages": MSGS, "n": 3, "max_tokens": 2})
    answer = json.loads(data)
    assert [c["index"] for c in answer["choices"]] == [0, 1, 2]
    assert all(c["finish_reason"] == "length" for c in answer["choices"])
    assert all(len(c["message"]["content"]) <= 8 for c in answer["choices"])
    assert answer["usage"]["completion_tokens"] == 6


def test_scripted_content_and_tool_calls() -> None:
    fake = FakeOpenAI()
    fake.respond("Paris.")
    fake.respond(tool_calls=[{"name": "get_weather", "arguments": {"city": "Paris"}}], times=None,
                 when=lambda r: "weather" in json.dumps(r.body))
    first = json.loads(_post(fake, "/chat/completions", {"model": "gpt-4o", "messages": MSGS})[2])
    assert first["choices"][0]["message"]["content"] == "Paris."
    # the scripted answer was used once; the next request echoes again
    second = json.loads(_post(fake, "/chat/completions", {"model": "gpt-4o", "messages": MSGS})[2])
    assert second["choices"][0]["message"]["content"].startswith("Echo:")
    weather = {"model": "gpt-4o", "messages": [{"role": "user", "content": "weather in Paris?"}]}
    tool = json.loads(_post(fake, "/chat/completions", weather)[2])["choices"][0]
    assert tool["finish_reason"] == "tool_calls"
    call = tool["message"]["tool_calls"][0]
    assert call["function"] == {"name": "get_weather", "arguments": '{"city":"Paris"}'}
    assert call["id"].startswith("call_")


def test_stream_events_reassemble_and_include_usage() -> None:
    fake = FakeOpenAI()
    fake.respond(tool_calls=[ToolCall("lookup", {"q": "a long query string"})], times=1)
    body = {"model": "gpt-4o", "messages": MSGS, "stream": True, "stream_options": {"include_usage": True}}
    status, headers, data = _post(fake, "/chat/completions", body)
    assert status == 200 and headers["content-type"].startswith("text/event-stream")
    assert data.endswith(b"data: [DONE]\n\n")
    events = sse_events(data)
    args = "".join(tc["function"].get("arguments") or "" for e in events for c in e["choices"]
                   for tc in c["delta"].get("tool_calls") or [])
    assert json.loads(args) == {"q": "a long query string"}
    assert events[-1]["choices"] == [] and events[-1]["usage"]["total_tokens"] > 0
    assert all(e["usage"] is None for e in events[:-1])
    # without include_usage: no usage chunk at all
    plain = sse_events(_post(fake, "/chat/completions", {**body, "stream_options": None})[2])
    assert all("usage" not in e and e["choices"] for e in plain)
    assert stream_text(plain) == "Echo: What is the capital of France?"


def test_stream_n2_interleaves_choices() -> None:
    fake = FakeOpenAI()
    events = sse_events(_post(fake, "/chat/completions", {"model": "gpt-4o", "messages": MSGS, "n": 2,
                                                          "stream": True})[2])
    assert stream_text(events, 0) == "Echo: What is the capital of France?"
    assert stream_text(events, 1) == "Echo: What is the capital of France? (2)"


def test_legacy_completions_plain_and_streamed() -> None:
    fake = FakeOpenAI()
    body = {"model": "gpt-3.5-turbo-instruct", "prompt": "Say hi", "max_tokens": 50}
    answer = json.loads(_post(fake, "/completions", body)[2])
    assert answer["object"] == "text_completion" and answer["choices"][0]["text"] == "Echo: Say hi"
    events = sse_events(_post(fake, "/completions", {**body, "stream": True,
                                                     "stream_options": {"include_usage": True}})[2])
    assert "".join(c["text"] for e in events for c in e["choices"]) == "Echo: Say hi"
    assert events[-1]["usage"]["prompt_tokens"] == answer["usage"]["prompt_tokens"]


def test_embeddings_float_and_base64_agree() -> None:
    fake = FakeOpenAI()
    body = {"model": "text-embedding-3-small", "input": ["a", "b"], "dimensions": 16}
    floats = json.loads(_post(fake, "/embeddings", body)[2])
    packed = json.loads(_post(fake, "/embeddings", {**body, "encoding_format": "base64"})[2])
    vector = floats["data"][0]["embedding"]
    assert len(vector) == 16 and abs(sum(v * v for v in vector) - 1.0) < 1e-5
    decoded = list(struct.unpack("<16f", base64.b64decode(packed["data"][0]["embedding"])))
    assert decoded == vector
    assert floats["data"][1]["embedding"] != vector
    assert floats["usage"] == {"prompt_tokens": 2, "total_tokens": 2}


def test_models_list_retrieve_and_404() -> None:
    fake = FakeOpenAI(models=["gpt-4o", "m2"])
    listed = json.loads(b"".join(s for s in fake.handle("GET", "/v1/models", {}, b"").steps()
                                 if isinstance(s, bytes)))
    assert [m["id"] for m in listed["data"]] == ["gpt-4o", "m2"]
    assert fake.handle("GET", "/v1/models/m2", {}, b"").status == 200
    missing = fake.handle("GET", "/v1/models/nope", {}, b"")
    assert missing.status == 404 and b"model_not_found" in missing.chunks[0]


def test_bad_requests_and_api_key() -> None:
    fake = FakeOpenAI(api_key="sk-right-key-0123456789")
    assert _post(fake, "/chat/completions", {"model": "gpt-4o", "messages": MSGS})[0] == 401
    ok = _post(fake, "/chat/completions", {"model": "gpt-4o", "messages": MSGS},
               authorization="Bearer sk-right-key-0123456789")
    assert ok[0] == 200
    open_fake = FakeOpenAI()
    status, _, data = _post(open_fake, "/chat/completions", {"model": "gpt-4o"})
    assert status == 400 and json.loads(data)["error"]["param"] == "messages"
    assert open_fake.handle("POST", "/v1/chat/completions", {}, b"{not json").status == 400
    assert open_fake.handle("POST", "/v1/nowhere", {}, b"{}").status == 404


def test_rpm_limit_with_headers_and_refill() -> None:
    now = [0.0]
    fake = FakeOpenAI(rpm=3, clock=lambda: now[0])
    body = {"model": "gpt-4o", "messages": MSGS, "max_tokens": 10}
    results = [_post(fake, "/chat/completions", body) for _ in range(4)]
    assert [r[0] for r in results] == [200, 200, 200, 429]
    assert [r[1]["x-ratelimit-remaining-requests"] for r in results[:3]] == ["2", "1", "0"]
    assert results[0][1]["x-ratelimit-limit-requests"] == "3"
    error = json.loads(results[3][2])["error"]
    assert error["code"] == "rate_limit_exceeded" and "(RPM)" in error["message"]
    assert results[3][1]["retry-after-ms"] == "20000"  # one request refills in 60/3 seconds
    assert results[3][1]["x-ratelimit-reset-requests"] == "1m0s"
    now[0] = 20.0
    assert _post(fake, "/chat/completions", body)[0] == 200
    assert fake.stats.rate_limited == 1 and fake.stats.sent_429 == 1
    assert fake.stats.requests == 5 and fake.stats.requests_admitted == 4


def test_tpm_counts_prompt_estimate_plus_max_output() -> None:
    now = [0.0]
    fake = FakeOpenAI(tpm=1000, clock=lambda: now[0])
    body = {"model": "gpt-4o", "messages": MSGS, "max_tokens": 400}
    cost = estimate_prompt_tokens(body) + max_output_tokens(body)
    statuses = [_post(fake, "/chat/completions", body)[0] for _ in range(3)]
    assert statuses == [200, 200, 429]
    assert fake.stats.tokens_admitted == 2 * cost
    too_big = _post(fake, "/chat/completions", {**body, "max_tokens": 5000})
    assert too_big[0] == 429 and "Request too large" in json.loads(too_big[2])["error"]["message"]
    assert "retry-after" not in too_big[1]
    # other models have their own buckets
    assert _post(fake, "/chat/completions", {**body, "model": "gpt-4o-mini"})[0] == 200


def test_go_durations() -> None:
    assert [go_duration(s) for s in (0, 0.12, 1.5, 59.9999, 60, 360.2)] == ["0s", "120ms", "1.5s", "60s", "1m0s",
                                                                            "6m1s"]


def test_fault_rules_times_attempts_and_path() -> None:
    fake = FakeOpenAI()
    rule = fake.inject("server_error", status=503, attempts=2, path="/chat/completions")
    body = {"model": "gpt-4o", "messages": MSGS}
    key = {"idempotency-key": "call-1"}
    assert [_post(fake, "/chat/completions", body, **key)[0] for _ in range(3)] == [503, 503, 200]
    assert _post(fake, "/chat/completions", body, **{"idempotency-key": "call-2"})[0] == 503
    assert _post(fake, "/completions", {"model": "m", "prompt": "x"})[0] == 200
    assert rule.fired == 3
    fake.clear()
    once = fake.inject(Fault.quota(), times=1)
    assert [_post(fake, "/chat/completions", body)[0] for _ in range(2)] == [429, 200]
    assert once.exhausted and fake.stats.faults["quota"] == 1


def test_random_faults_are_seeded() -> None:
    def pattern(seed: int) -> list[int]:
        fake = FakeOpenAI(seed=seed)
        fake.inject("server_error", rate=0.3)
        return [_post(fake, "/chat/completions", {"model": "gpt-4o", "messages": MSGS})[0] for _ in range(200)]

    first = pattern(7)
    assert first == pattern(7)
    assert first != pattern(8)
    assert 35 <= first.count(500) <= 85


@pytest.mark.parametrize(("fault", "check"), [
    (Fault.reset(after_chunks=2), lambda steps, data: isinstance(steps[-1], Drop) and len(sse_events(data)) == 2),
    (Fault.truncate(after_chunks=3), lambda steps, data: len(sse_events(data)) == 3 and b"[DONE]" not in data),
    (Fault.stall(5.0, after_chunks=1), lambda steps, data: 5.0 in steps and data.endswith(b"[DONE]\n\n")),
    (Fault.error_event(after_chunks=2), lambda steps, data: "error" in sse_events(data)[-1]),
    (Fault.malformed_json(after_chunks=1), lambda steps, data: b'"delta": \n\n' in data),
])
def test_stream_faults_shape_the_body(fault: Fault, check: Any) -> None:
    fake = FakeOpenAI()
    fake.inject(fault)
    reply = fake.handle("POST", "/v1/chat/completions", {},
                        json.dumps({"model": "gpt-4o", "messages": MSGS, "stream": True}).encode())
    steps = list(reply.steps())
    data = b"".join(s for s in steps if isinstance(s, bytes))
    assert reply.status == 200
    assert check(steps, data)


def test_status_fault_does_not_use_up_a_scripted_answer() -> None:
    fake = FakeOpenAI()
    fake.respond("scripted")
    fake.inject(Fault.rate_limit(headers=False), times=1)
    status, headers, _ = _post(fake, "/chat/completions", {"model": "gpt-4o", "messages": MSGS})
    assert status == 429 and "retry-after" not in headers and "x-ratelimit-reset-requests" not in headers
    again = json.loads(_post(fake, "/chat/completions", {"model": "gpt-4o", "messages": MSGS})[2])
    assert again["choices"][0]["message"]["content"] == "scripted"


def test_custom_route() -> None:
    fake = FakeOpenAI()
    fake.route("GET", "/files/{file_id}", lambda req, params: (200, {"id": params["file_id"], "object": "file"}))
    reply = fake.handle("GET", "/v1/files/file-abc", {}, b"")
    assert reply.status == 200 and json.loads(reply.chunks[0])["id"] == "file-abc"


def test_azure_deployment_paths_with_api_version_and_api_key() -> None:
    # Azure's paths: the deployment in the URL names the model, api-version is required, the
    # key travels as api-key. The official AzureOpenAI client runs against the fake this way.
    import openai

    fake = FakeOpenAI(api_key="az-key")
    http = httpx.Client(transport=fake.transport(), base_url="https://res.openai.azure.com")
    ok = http.post("/openai/deployments/my%20dep/chat/completions?api-version=2024-10-21",
                   headers={"api-key": "az-key"}, json={"messages": [{"role": "user", "content": "hi"}]})
    unversioned = http.post("/openai/deployments/d/embeddings", headers={"api-key": "az-key"},
                            json={"input": "x"})
    wrong_key = http.get("/openai/models?api-version=2024-10-21", headers={"api-key": "nope"})
    v1 = http.get("/openai/v1/models", headers={"api-key": "az-key"})  # Azure's OpenAI-style API
    assert ok.status_code == 200 and ok.json()["model"] == "my dep"
    assert unversioned.status_code == 404 and unversioned.json()["error"]["message"] == "Resource not found"
    assert wrong_key.status_code == 401 and v1.status_code == 200
    assert [(r.path, r.deployment) for r in fake.requests] == [
        ("/chat/completions", "my dep"), ("/embeddings", "d"), ("/models", None), ("/models", None)]
    official = openai.AzureOpenAI(azure_endpoint="https://res.openai.azure.com", api_key="az-key",
                                  api_version="2024-10-21",
                                  http_client=httpx.Client(transport=fake.transport()))
    reply = official.chat.completions.create(model="gpt4o-prod", messages=[{"role": "user", "content": "hi"}])
    assert reply.choices[0].message.content == "Echo: hi" and fake.requests[-1].deployment == "gpt4o-prod"
