"""A chat stream the caller did not ask usage of prints as the official client's does.

gptkit adds ``stream_options.include_usage`` for its cost accounting; the server then sends
``"usage": null`` on every chunk and a usage-only last chunk. The caller, who did not ask, sees
neither: the last chunk is hidden and the others have no ``usage`` set (``to_json()`` and
``model_dump(exclude_unset=True)`` leave it out), exactly as the official client shows the
stream it gets without ``include_usage``.
"""

from __future__ import annotations

import json
from typing import Any

import httpx
import openai
import pytest

import gptkit

MSGS = [{"role": "user", "content": "hi"}]


def _chunk(delta: dict[str, Any], finish: str | None = None) -> dict[str, Any]:
    return {"id": "c1", "object": "chat.completion.chunk", "created": 1, "model": "gpt-4o",
            "choices": [{"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}]}


def _server(request: httpx.Request) -> httpx.Response:
    """As the API answers: ``usage`` on every chunk only when ``include_usage`` was asked."""
    asked = bool(json.loads(request.content).get("stream_options", {}).get("include_usage"))
    chunks = [_chunk({"role": "assistant", "content": ""}), _chunk({"content": "Hi"}), _chunk({}, "stop")]
    if asked:
        for chunk in chunks:
            chunk["usage"] = None
        chunks.append({"id": "c1", "object": "chat.completion.chunk", "created": 1, "model": "gpt-4o",
                       "choices": [], "usage": {"prompt_tokens": 3, "completion_tokens": 1, "total_tokens": 4}})
    sse = "".join(f"data: {json.dumps(chunk)}\n\n" for chunk in chunks) + "data: [DONE]\n\n"
    return httpx.Response(200, content=sse.encode(), headers={"content-type": "text/event-stream"})


def _forms(chunk: Any) -> list[str]:
    return [chunk.to_json(), chunk.to_json(indent=None), repr(chunk.model_dump(exclude_unset=True)),
            repr(chunk), str(chunk), chunk.model_dump_json()]


def _client(module: Any) -> Any:
    return module.OpenAI(api_key="sk-test", max_retries=0,
                         http_client=httpx.Client(transport=httpx.MockTransport(_server)))


def test_unasked_usage_is_not_shown_on_chunks() -> None:
    def run(module: Any) -> list[str]:
        stream = _client(module).chat.completions.create(model="gpt-4o", messages=MSGS, stream=True)
        return [form for chunk in stream for form in _forms(chunk)]

    ours = run(gptkit)
    assert ours == run(openai)
    assert not any('"usage"' in form for form in ours[:2])


def test_gptkit_still_reads_the_usage() -> None:
    stream = _client(gptkit).chat.completions.create(model="gpt-4o", messages=MSGS, stream=True)
    chunks = list(stream)
    assert len(chunks) == 3 and stream.usage is not None and stream.usage.total_tokens == 4


@pytest.mark.parametrize("include_usage", [True, False])
def test_asked_usage_prints_as_sent(include_usage: bool) -> None:
    def run(module: Any) -> list[str]:
        stream = _client(module).chat.completions.create(
            model="gpt-4o", messages=MSGS, stream=True, stream_options={"include_usage": include_usage})
        return [form for chunk in stream for form in _forms(chunk)]

    assert run(gptkit) == run(openai)
