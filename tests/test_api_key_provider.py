"""``api_key=`` a function returning the key, as the official client takes it: asked before every
attempt (retries and streams included), reported by ``client.api_key``, kept by copies, never
shown."""

from __future__ import annotations

import itertools
from typing import Any

import httpx
import openai
import pytest

import gptkit

from .helpers import Recorder, chat_body, close, invoke, make_client

MSGS = [{"role": "user", "content": "hi"}]
SSE = (b'data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":'
       b'[{"index":0,"delta":{"content":"hey"},"finish_reason":"stop"}]}\n\ndata: [DONE]\n\n')


def _rotating(kind: str) -> tuple[Any, list[str]]:
    """A provider handing out sk-rot-1, sk-rot-2, ... (a coroutine function for the async client)."""
    counter = itertools.count(1)
    given: list[str] = []

    def next_key() -> str:
        given.append(f"sk-rot-{next(counter)}")
        return given[-1]

    if kind == "sync":
        return next_key, given

    async def anext_key() -> str:
        return next_key()

    return anext_key, given


async def test_the_key_is_asked_for_before_every_attempt(kind: str) -> None:
    provider, given = _rotating(kind)
    sent: list[str] = []  # as each attempt left (a retry re-sends the same request object)

    def answer(status: int) -> Any:
        def handler(request: httpx.Request) -> httpx.Response:
            sent.append(request.headers["authorization"])
            return httpx.Response(status, json=chat_body() if status == 200 else {"error": {"message": "busy"}})
        return handler

    recorder = Recorder(answer(500), answer(200))
    client = make_client(kind, recorder, api_key=provider, retry=gptkit.RetryPolicy(zero_waits=True))
    assert client.api_key == "" and client.auth_headers == {}  # the official client's: nothing asked yet
    await invoke(client, "chat.completions.create", model="gpt-4o", messages=MSGS)
    assert sent == ["Bearer sk-rot-1", "Bearer sk-rot-2"]
    assert client.api_key == "sk-rot-2" and client.auth_headers == {"Authorization": "Bearer sk-rot-2"}
    assert "sk-rot" not in repr(client) and "sk-rot" not in repr(client._config)
    assert given == ["sk-rot-1", "sk-rot-2"]
    await close(client)


async def test_streams_and_copies_ask_the_provider_too(kind: str) -> None:
    provider, _ = _rotating(kind)
    recorder = Recorder(httpx.Response(200, content=SSE, headers={"content-type": "text/event-stream"}))
    client = make_client(kind, recorder, api_key=provider)
    stream = await invoke(client, "chat.completions.create", model="gpt-4o", messages=MSGS, stream=True)
    if isinstance(client, gptkit.Client):
        texts = [chunk.choices[0].delta.content for chunk in stream]
    else:
        texts = [chunk.choices[0].delta.content async for chunk in stream]
    assert texts == ["hey"] and recorder.requests[-1].headers["authorization"] == "Bearer sk-rot-1"
    copy = client.copy(timeout=5)
    assert copy.api_key == ""  # its own last key: none yet
    stream = await invoke(copy, "chat.completions.create", model="gpt-4o", messages=MSGS, stream=True)
    await invoke(stream, "close")
    assert recorder.requests[-1].headers["authorization"] == "Bearer sk-rot-2"
    fixed = client.copy(api_key="sk-fixed")  # a string replaces the provider
    stream = await invoke(fixed, "chat.completions.create", model="gpt-4o", messages=MSGS, stream=True)
    await invoke(stream, "close")
    assert recorder.requests[-1].headers["authorization"] == "Bearer sk-fixed" and fixed.api_key == "sk-fixed"
    await close(client)


async def test_a_provider_that_returns_no_key_is_a_type_error_that_hides_the_value(kind: str) -> None:
    recorder = Recorder(httpx.Response(200, json=chat_body()))
    client = make_client(kind, recorder, api_key=lambda: b"sk-bytes-secret")
    with pytest.raises(TypeError, match="non-empty string, not bytes") as info:
        await invoke(client, "chat.completions.create", model="gpt-4o", messages=MSGS)
    assert "secret" not in str(info.value) and recorder.requests == []
    await close(client)


def test_a_sync_client_refuses_a_coroutine_function() -> None:
    async def key() -> str:
        return "sk-x"

    with pytest.raises(TypeError, match="AsyncClient"):
        gptkit.Client(api_key=key)  # type: ignore[arg-type]


def test_the_async_client_takes_a_plain_function_and_the_official_signatures_agree() -> None:
    import asyncio

    recorder = Recorder(httpx.Response(200, json=chat_body()))
    client = gptkit.AsyncClient(api_key=lambda: "sk-plain", transport=recorder.transport)

    async def go() -> None:
        await client.chat.completions.create(model="gpt-4o", messages=MSGS)  # type: ignore[arg-type]
        await client.aclose()

    asyncio.run(go())
    assert recorder.requests[0].headers["authorization"] == "Bearer sk-plain"
    # The oracle takes a callable too, and reports "" before its first request, as gptkit does.
    assert openai.OpenAI(api_key=lambda: "sk-x").api_key == gptkit.Client(api_key=lambda: "sk-x").api_key == ""
