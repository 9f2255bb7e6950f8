"""Shared test helpers: a scripted transport that records what it was sent, and a twin runner."""

from __future__ import annotations

import inspect
import json
from collections.abc import Callable
from typing import Any

import httpx

import gptkit

API_KEY = "sk-test-PLANTEDSECRET0123456789abcdefXYZ"

Handler = Callable[[httpx.Request], httpx.Response]


def chat_body(content: str = "Hello!", *, model: str = "gpt-4o", n: int = 1, **usage: int) -> dict[str, Any]:
    return {
        "id": "chatcmpl-1",
        "object": "chat.completion",
        "created": 1_700_000_000,
        "model": model,
        "choices": [
            {"index": i, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}
            for i in range(n)
        ],
        "usage": {"prompt_tokens": usage.get("prompt", 9), "completion_tokens": usage.get("completion", 3),
                  "total_tokens": usage.get("prompt", 9) + usage.get("completion", 3)},
    }


class Recorder:
    """An httpx transport (sync and async) that answers from a script and records requests."""

    def __init__(self, *responses: httpx.Response | Handler | Exception) -> None:
        self.script = list(responses)
        self.requests: list[httpx.Request] = []
        self.transport = httpx.MockTransport(self._handle)

    def _handle(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        if not self.script:
            raise AssertionError(f"unexpected request {request.method} {request.url}")
        step = self.script.pop(0) if len(self.script) > 1 else self.script[0]
        if isinstance(step, Exception):
            raise step
        if callable(step):
            return step(request)
        # A fresh copy each time: a response object can be consumed only once.
        return httpx.Response(step.status_code, headers=step.headers, content=step.content)

    def json(self, index: int = -1) -> Any:
        return json.loads(self.requests[index].content)


def make_client(kind: str, recorder: Recorder, **options: Any) -> gptkit.Client | gptkit.AsyncClient:
    options.setdefault("api_key", API_KEY)
    if kind == "sync":
        return gptkit.Client(transport=recorder.transport, **options)
    return gptkit.AsyncClient(transport=recorder.transport, **options)


async def invoke(client: Any, path: str, *args: Any, **kwargs: Any) -> Any:
    """Call ``client.<path>(...)`` on a sync or async client alike."""
    target = client
    for part in path.split("."):
        target = getattr(target, part)
    result = target(*args, **kwargs)
    if inspect.isawaitable(result):
        result = await result
    return result


async def close(client: Any) -> None:
    if isinstance(client, gptkit.AsyncClient):
        await client.aclose()
    else:
        client.close()
