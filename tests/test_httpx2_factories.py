"""``gptkit.DefaultHttpx2Client`` / ``DefaultAsyncHttpx2Client``: programs written for the official
package's httpx2 factories run unchanged (gptkit runs on httpx: the factories build its httpx
clients, taking httpx2 ``Timeout`` / ``Limits`` objects as well)."""

from __future__ import annotations

import asyncio

import httpx
import pytest

import gptkit

httpx2 = pytest.importorskip("httpx2")  # the official package's HTTP stack (dev environment)

BODY = {"id": "m", "object": "model", "created": 1, "owned_by": "system"}


def _transport(seen: list[httpx.Request]) -> httpx.MockTransport:
    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=BODY)

    return httpx.MockTransport(answer)


def test_sync_factory_builds_an_httpx_client_that_carries_the_calls() -> None:
    seen: list[httpx.Request] = []
    http = gptkit.DefaultHttpx2Client(timeout=httpx2.Timeout(7.0, connect=2.0), transport=_transport(seen),
                                      limits=httpx2.Limits(max_connections=3, max_keepalive_connections=1))
    assert isinstance(http, httpx.Client) and isinstance(http, gptkit.DefaultHttpxClient)
    assert http.timeout == httpx.Timeout(7.0, connect=2.0) and http.follow_redirects
    with gptkit.OpenAI(api_key="sk-test", base_url="https://example.test/v1", http_client=http,
                       max_retries=0) as client:
        assert client.models.retrieve("m").id == "m"
    assert seen[0].url == "https://example.test/v1/models/m"


def test_defaults_match_the_httpx_factory() -> None:
    plain, twin = gptkit.DefaultHttpxClient(), gptkit.DefaultHttpx2Client()
    assert twin.timeout == plain.timeout and twin.follow_redirects is plain.follow_redirects is True


def test_async_factory() -> None:
    seen: list[httpx.Request] = []

    async def run() -> str:
        http = gptkit.DefaultAsyncHttpx2Client(timeout=httpx2.Timeout(3.0), transport=_transport(seen))
        assert isinstance(http, httpx.AsyncClient) and http.timeout == httpx.Timeout(3.0)
        async with gptkit.AsyncOpenAI(api_key="sk-test", base_url="https://example.test/v1", http_client=http,
                                      max_retries=0) as client:
            return (await client.models.retrieve("m")).id

    assert asyncio.run(run()) == "m" and len(seen) == 1
