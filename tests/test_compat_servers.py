"""OpenAI-compatible servers (vLLM, Ollama, llama.cpp, gateways) through ``base_url``.

A local-server profile: no key, no usage, no rate-limit headers, ``stream_options`` ignored,
extra fields everywhere. gptkit must still work, and estimate the missing usage, flagged.
"""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

import gptkit
from gptkit._core._usage import ensure_usage
from gptkit._tokens import estimate_prompt_tokens, estimate_text_tokens
from gptkit.types import ChatCompletion, CompletionUsage, Model

from .helpers import Recorder, close, invoke

LOCAL = "http://127.0.0.1:8080/v1"
MSGS = [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "What is the capital of France?"}]


class LocalServer:
    """A fake llama.cpp/vLLM-style server: answers with what such servers send, and nothing more."""

    def __init__(self) -> None:
        self.seen: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.seen.append(request)
        path = request.url.path
        body = json.loads(request.content) if request.content else {}
        if path.endswith("/chat/completions"):
            message: dict[str, Any] = {"role": "assistant", "content": "Paris is the capital of France."}
            if body.get("tools"):
                message = {"role": "assistant", "content": None, "tool_calls": [{
                    "id": "call_0", "type": "function",
                    "function": {"name": "get_weather", "arguments": '{"city": "Paris", "unit": "celsius"}'}}]}
            data: dict[str, Any] = {
                "id": "chatcmpl-local", "object": "chat.completion", "created": 1, "model": body["model"],
                "choices": [{"index": 0, "message": {**message, "reasoning_content": None},
                             "finish_reason": "stop", "stop_reason": None}],
                "timings": {"prompt_n": 17, "predicted_ms": 41.5},  # llama.cpp's extra
            }
        elif path.endswith("/completions"):
            data = {"id": "cmpl-local", "object": "text_completion", "model": body["model"],
                    "choices": [{"index": 0, "text": " Paris.", "finish_reason": "stop"}]}
        elif path.endswith("/embeddings"):
            data = {"object": "list", "model": body["model"],
                    "data": [{"index": 0, "object": "embedding", "embedding": [0.1, 0.2]}]}
        elif path.endswith("/models"):
            data = {"object": "list", "data": [{"id": "llama-3-8b", "object": "model", "owned_by": "llamacpp",
                                                "meta": {"n_ctx_train": 8192}}]}
        else:
            return httpx.Response(404, text="not found")
        return httpx.Response(200, json=data)  # no x-ratelimit-*, no x-request-id


def _local(kind: str, server: LocalServer) -> Any:
    rec = Recorder(server)
    cls = gptkit.Client if kind == "sync" else gptkit.AsyncClient
    return cls(api_key=gptkit.NO_API_KEY, base_url=LOCAL, transport=rec.transport)


async def test_chat_without_usage_gets_an_estimate_flagged(kind: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-must-not-be-sent-to-a-local-server")
    server = LocalServer()
    client = _local(kind, server)
    result = await invoke(client, "chat.completions.create", model="llama-3-8b", messages=MSGS, max_tokens=50)
    assert isinstance(result, ChatCompletion)
    assert result.choices[0].message.content == "Paris is the capital of France."
    usage = result.usage
    assert isinstance(usage, CompletionUsage) and usage.estimated is True
    sent = json.loads(server.seen[0].content)
    assert usage.prompt_tokens == estimate_prompt_tokens(sent) > 0
    assert usage.completion_tokens == estimate_text_tokens("Paris is the capital of France.") == 8
    assert usage.total_tokens == usage.prompt_tokens + usage.completion_tokens
    assert result.request_id is None
    assert result.timings == {"prompt_n": 17, "predicted_ms": 41.5}  # extra fields are kept
    assert result.choices[0]["stop_reason"] is None
    request = server.seen[0]
    assert str(request.url) == LOCAL + "/chat/completions"
    assert "authorization" not in request.headers  # NO_API_KEY: no key, not even the env one
    assert client._price_provider is None
    await close(client)


async def test_tool_call_arguments_count_as_output(kind: str) -> None:
    server = LocalServer()
    client = _local(kind, server)
    tools = [{"type": "function", "function": {"name": "get_weather", "parameters": {"type": "object"}}}]
    result = await invoke(client, "chat.completions.create", model="m", messages=MSGS, tools=tools)
    expected = estimate_text_tokens("get_weather") + estimate_text_tokens('{"city": "Paris", "unit": "celsius"}')
    assert result.usage.completion_tokens == expected and result.usage.estimated
    await close(client)


async def test_raw_response_also_gets_the_estimate(kind: str) -> None:
    client = _local(kind, LocalServer())
    raw = await invoke(client, "chat.completions.with_raw_response.create", model="m", messages=MSGS)
    assert raw.status_code == 200 and "x-ratelimit-remaining-tokens" not in raw.headers
    assert raw.parse().usage.estimated is True
    await close(client)


async def test_completions_embeddings_and_models_without_usage(kind: str) -> None:
    server = LocalServer()
    client = _local(kind, server)
    text = await invoke(client, "completions.create", model="m", prompt="The capital of France is")
    assert text.usage.estimated and text.usage.prompt_tokens == estimate_text_tokens("The capital of France is")
    assert text.usage.completion_tokens == estimate_text_tokens(" Paris.")
    emb = await invoke(client, "embeddings.create", model="nomic", input=["hello world", "bonjour"])
    assert emb.usage.estimated and emb.usage.prompt_tokens == emb.usage.total_tokens == (
        estimate_text_tokens("hello world") + estimate_text_tokens("bonjour"))
    assert emb.data[0].embedding == pytest.approx([0.1, 0.2])
    models = await invoke(client, "models.list")
    assert [m.id for m in models] == ["llama-3-8b"] and models.data[0].meta == {"n_ctx_train": 8192}
    await close(client)


async def test_stream_from_a_server_that_ignores_stream_options(kind: str) -> None:
    # The server streams no usage chunk, sends extra fields and no rate-limit headers, needs no
    # key: the stream still works, and usage and cost are estimated and flagged as such.
    events = [
        {"id": "c", "object": "chat.completion.chunk", "created": 1, "model": "llama-3-8b",
         "choices": [{"index": 0, "delta": {"role": "assistant", "content": piece}, "finish_reason": None}],
         "timings": {"predicted_ms": 3}}
        for piece in ("Paris ", "is the ", "capital.")
    ] + [{"id": "c", "object": "chat.completion.chunk", "created": 1, "model": "llama-3-8b",
          "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]}]
    body = "".join(f"data: {json.dumps(e)}\n\n" for e in events) + "data: [DONE]\n\n"
    seen: list[httpx.Request] = []

    def server(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, headers={"content-type": "text/event-stream"}, content=body.encode())

    cls = gptkit.Client if kind == "sync" else gptkit.AsyncClient
    prices = {"llama-3-8b": gptkit.ModelPrice(input_per_mtok="0.10", output_per_mtok="0.20")}
    client: Any = cls(api_key=gptkit.NO_API_KEY, base_url=LOCAL, transport=httpx.MockTransport(server),
                      prices=prices)
    stream = await invoke(client, "chat.completions.create", model="llama-3-8b", messages=MSGS, stream=True)
    if kind == "sync":
        text = "".join(c.choices[0].delta.content or "" for c in stream)
        final = stream.get_final_completion()
    else:
        text = "".join([c.choices[0].delta.content or "" async for c in stream])
        final = await stream.get_final_completion()
    assert text == "Paris is the capital."
    assert final.choices[0].message.content == text
    assert final.usage is not None and final.usage.estimated
    assert final.usage.prompt_tokens == estimate_prompt_tokens({"messages": MSGS})
    assert final.usage.completion_tokens == estimate_text_tokens(text)
    assert final.cost is not None and final.cost.estimated and final.cost.total > 0
    assert "authorization" not in seen[0].headers
    assert json.loads(seen[0].content)["stream_options"] == {"include_usage": True}
    await close(client)


def test_reported_usage_is_never_replaced() -> None:
    result = ChatCompletion.model_validate({
        "choices": [{"message": {"content": "a long answer " * 10}}],
        "usage": {"prompt_tokens": 3, "completion_tokens": 2, "total_tokens": 5},
    })
    ensure_usage({"messages": MSGS}, result)
    assert result.usage is not None and result.usage.total_tokens == 5 and result.usage.estimated is False


def test_ensure_usage_is_sans_io_and_leaves_other_objects_alone() -> None:
    model = Model.model_validate({"id": "m"})
    ensure_usage({"model": "m"}, model)
    assert not hasattr(model, "usage")
    final = ChatCompletion.model_validate({"choices": [{"message": {"content": "abcdefgh"}},
                                                       {"message": {"refusal": "no"}}]})
    ensure_usage(None, final)  # e.g. a stream accumulated without the request body
    assert final.usage == CompletionUsage(prompt_tokens=0, completion_tokens=3, total_tokens=3, estimated=True)
    assert final.usage.estimated is True
    # The flag is gptkit's own: the usage prints and serialises as the official object would.
    assert final.to_dict()["usage"] == {"prompt_tokens": 0, "completion_tokens": 3, "total_tokens": 3}
    assert "estimated" not in repr(final.usage) and "estimated" not in final.usage.model_dump()
