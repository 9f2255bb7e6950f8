"""What the caller sets on their ``http_client`` (default headers, query parameters, cookies) goes
with every request, as with the official client (which builds its requests with
``http_client.build_request``); gptkit's own values win, and httpx's stock headers add nothing."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import openai
import pytest

import gptkit

BODY = {"id": "m", "object": "model", "created": 1, "owned_by": "system"}


def _sent(module: Any, **client_options: Any) -> httpx.Request:
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=BODY)

    http = httpx.Client(transport=httpx.MockTransport(answer), **client_options)
    client = module.OpenAI(api_key="sk-test", base_url="https://example.test/v1", http_client=http, max_retries=0)
    client.models.retrieve("m", extra_query={"b": "2"})
    return seen[0]


@pytest.mark.parametrize("module", [openai, gptkit], ids=["openai", "gptkit"])
def test_client_headers_params_and_cookies_are_sent(module: Any) -> None:
    request = _sent(module, headers={"x-team": "search", "authorization": "Bearer other"},
                    params={"a": "1"}, cookies={"session": "s1"})
    assert request.headers["x-team"] == "search"
    assert request.headers["authorization"] == "Bearer sk-test"  # the client's own header wins
    assert dict(request.url.params) == {"a": "1", "b": "2"}
    assert request.headers["cookie"] == "session=s1"


def test_a_plain_http_client_adds_nothing() -> None:
    plain = _sent(gptkit)
    assert "accept-encoding" not in plain.headers and "python-httpx" not in plain.headers.get("user-agent", "")
    assert not plain.url.params.get("a")


def test_async_client_too() -> None:
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=BODY)

    async def run() -> None:
        http = httpx.AsyncClient(transport=httpx.MockTransport(answer), headers={"x-team": "ads"})
        async with gptkit.AsyncOpenAI(api_key="sk-test", base_url="https://example.test/v1", http_client=http,
                                      max_retries=0) as client:
            await client.models.retrieve("m")

    asyncio.run(run())
    assert seen[0].headers["x-team"] == "ads"


def test_every_attempt_carries_them_once() -> None:
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if len(seen) == 1:
            return httpx.Response(500, json={"error": {"message": "boom"}})
        return httpx.Response(200, json=BODY)

    http = httpx.Client(transport=httpx.MockTransport(answer), headers={"x-team": "search"}, params={"a": "1"})
    client = gptkit.OpenAI(api_key="sk-test", base_url="https://example.test/v1", http_client=http, max_retries=1)
    client.with_options(timeout=5).models.retrieve("m")
    assert len(seen) == 2
    assert all(r.headers.get_list("x-team") == ["search"] and r.url.params.get_list("a") == ["1"] for r in seen)
