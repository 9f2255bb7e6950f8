"""A compatible server that answers 400 to ``stream_options``: the stream goes through without it,
usage is estimated, and its base URL is remembered (no second refused request)."""

from __future__ import annotations

import json
import os
from typing import Any

import httpx
import pytest

import gptkit

from .helpers import chat_body
from .streams import SSE_HEADERS, sse, stream_chunks

MSGS = [{"role": "user", "content": "hi"}]
REFUSAL = {"error": {"message": "Unrecognized request argument supplied: stream_options",
                     "type": "invalid_request_error", "param": None, "code": None}}


class PickyServer:
    """Streams chat answers, but refuses any request that carries ``stream_options``."""

    def __init__(self, *, refusal: dict[str, Any] = REFUSAL) -> None:
        self.bodies: list[dict[str, Any]] = []
        self.refusal = refusal
        self.transport = httpx.MockTransport(self._handle)

    def _handle(self, request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        self.bodies.append(body)
        if "stream_options" in body:
            return httpx.Response(400, json=self.refusal)
        chunks = stream_chunks(chat_body("hello there"), usage=False)
        return httpx.Response(200, headers=SSE_HEADERS, content=sse(*chunks))


def _base_url() -> str:
    # A URL of its own per test: what is remembered is remembered for the process.
    return f"http://picky-{os.urandom(4).hex()}.test/v1"


def _text(stream: Any) -> str:
    return "".join(chunk.choices[0].delta.content or "" for chunk in stream if chunk.choices)


@pytest.mark.parametrize("kind", ["sync", "async"])
async def test_refused_stream_options_fall_back_once_and_are_remembered(kind: str) -> None:
    server, base_url = PickyServer(), _base_url()
    if kind == "sync":
        client = gptkit.Client(api_key="k", base_url=base_url, transport=server.transport)
        texts = [_text(client.chat.completions.create(model="gpt-4o", messages=MSGS, stream=True))
                 for _ in range(2)]
    else:
        aclient = gptkit.AsyncClient(api_key="k", base_url=base_url, transport=server.transport)
        texts = []
        for _ in range(2):
            stream = await aclient.chat.completions.create(model="gpt-4o", messages=MSGS, stream=True)
            texts.append("".join([c.choices[0].delta.content or "" async for c in stream if c.choices]))
    assert texts == ["hello there", "hello there"]
    # The first call: refused, then sent again without the field; the second goes without at once.
    assert ["stream_options" in b for b in server.bodies] == [True, False, False]
    assert server.bodies[1] == {k: v for k, v in server.bodies[0].items() if k != "stream_options"}


def test_usage_of_the_fallback_stream_is_estimated() -> None:
    server = PickyServer()
    client = gptkit.Client(api_key="k", base_url=_base_url(), transport=server.transport)
    stream = client.chat.completions.create(model="gpt-4o", messages=MSGS, stream=True)
    final = stream.get_final_completion()
    assert final.usage is not None and final.usage.estimated and final.usage.completion_tokens > 0
    assert stream.usage is not None and stream.usage.estimated
    with client.chat.completions.stream(model="gpt-4o", messages=MSGS) as helper:  # the helper too
        parsed = helper.get_final_completion()
    assert parsed.usage is not None and parsed.usage.estimated
    assert client.ledger.total_cost is not None


def test_other_clients_of_the_same_url_skip_the_field() -> None:
    server, base_url = PickyServer(), _base_url()
    first = gptkit.Client(api_key="k", base_url=base_url, transport=server.transport)
    _text(first.chat.completions.create(model="gpt-4o", messages=MSGS, stream=True))
    other = gptkit.Client(api_key="k2", base_url=base_url, transport=server.transport)
    _text(other.chat.completions.create(model="gpt-4o", messages=MSGS, stream=True))
    assert ["stream_options" in b for b in server.bodies] == [True, False, False]
    elsewhere = gptkit.Client(api_key="k", base_url=_base_url(), transport=server.transport)
    _text(elsewhere.chat.completions.create(model="gpt-4o", messages=MSGS, stream=True))
    assert "stream_options" in server.bodies[3]  # another server is asked again


def test_a_400_about_something_else_is_raised_without_a_second_request() -> None:
    other = {"error": {"message": "temperature is out of range", "type": "invalid_request_error",
                       "param": "temperature", "code": None}}
    server = PickyServer(refusal=other)
    client = gptkit.Client(api_key="k", base_url=_base_url(), transport=server.transport)
    with pytest.raises(gptkit.BadRequestError, match="temperature is out of range"):
        client.chat.completions.create(model="gpt-4o", messages=MSGS, stream=True)
    assert len(server.bodies) == 1


def test_stream_options_the_caller_asked_for_are_never_dropped() -> None:
    server = PickyServer()
    client = gptkit.Client(api_key="k", base_url=_base_url(), transport=server.transport)
    with pytest.raises(gptkit.BadRequestError, match="stream_options"):
        client.chat.completions.create(model="gpt-4o", messages=MSGS, stream=True,
                                       stream_options={"include_usage": True})
    with pytest.raises(gptkit.BadRequestError, match="stream_options"):
        client.chat.completions.create(model="gpt-4o", messages=MSGS, stream=True,
                                       extra_body={"stream_options": {"include_usage": True}})
    assert len(server.bodies) == 2  # one request each, no fallback
