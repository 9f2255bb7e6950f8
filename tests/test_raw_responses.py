"""``with_raw_response`` and ``with_streaming_response`` in use, sync and async, over the fake.

The last test runs one program under the official package and under ``import gptkit as openai``
against the same fake server and compares what they print.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from typing import Any

import pydantic
import pytest

import gptkit
from gptkit.testing import FakeOpenAI

from .helpers import close

MSGS = [{"role": "user", "content": "hi"}]


class City(pydantic.BaseModel):
    name: str


async def _await(value: Any) -> Any:
    return await value if hasattr(value, "__await__") else value


async def test_raw_response_of_a_json_call(kind: str) -> None:
    fake = FakeOpenAI()
    client: Any = fake.client() if kind == "sync" else fake.async_client()
    raw = await _await(client.chat.completions.with_raw_response.create(model="gpt-4o", messages=MSGS))
    assert raw.status_code == 200 and raw.method == "POST" and raw.http_request.url.path == "/v1/chat/completions"
    assert raw.headers["x-request-id"] == raw.request_id and raw.is_closed
    assert raw.http_version == "HTTP/1.1" and raw.url == raw.http_request.url
    completion = raw.parse()
    assert completion.choices[0].message.content == "Echo: hi"
    assert raw.text.startswith("{") and b'"Echo: hi"' in raw.content
    # the same through the client-level view, and a page
    page = (await _await(client.with_raw_response.models.list())).parse()
    ids = [model.id async for model in page] if kind == "async" else [model.id for model in page]
    assert "gpt-4o" in ids
    await close(client)


async def test_raw_response_of_a_stream_parses_to_the_stream(kind: str) -> None:
    fake = FakeOpenAI()
    client: Any = fake.client() if kind == "sync" else fake.async_client()
    raw = await _await(client.with_raw_response.chat.completions.create(model="gpt-4o", messages=MSGS, stream=True))
    stream = raw.parse()
    assert isinstance(stream, gptkit.Stream if kind == "sync" else gptkit.AsyncStream)
    if kind == "sync":
        text = "".join(c.choices[0].delta.content or "" for c in stream if c.choices)
    else:
        text = "".join([c.choices[0].delta.content or "" async for c in stream if c.choices])
    assert text == "Echo: hi" and raw.headers["content-type"].startswith("text/event-stream")
    await close(client)


async def test_raw_parse_and_binary_content(kind: str) -> None:
    fake = FakeOpenAI()
    fake.respond('{"name": "Paris"}', times=None)
    client: Any = fake.client() if kind == "sync" else fake.async_client()
    raw = await _await(client.beta.chat.completions.with_raw_response.parse(
        model="gpt-4o", messages=MSGS, response_format=City))
    assert raw.parse().choices[0].message.parsed == City(name="Paris")
    uploaded = await _await(client.files.create(file=("a.jsonl", b'{"x": 1}\n'), purpose="batch"))
    content = await _await(client.files.with_raw_response.content(uploaded.id))
    assert content.status_code == 200 and content.parse().content == b'{"x": 1}\n'
    await close(client)


def test_streaming_response_sync() -> None:
    fake = FakeOpenAI()
    with fake.client() as client:
        with client.chat.completions.with_streaming_response.create(model="gpt-4o", messages=MSGS) as response:
            assert response.status_code == 200 and response.headers["x-request-id"]
            assert response.parse().choices[0].message.content == "Echo: hi"
            assert response.json()["choices"][0]["message"]["content"] == "Echo: hi"
            assert b"Echo: hi" in b"".join(response.iter_bytes())
        assert response.is_closed
        with client.with_streaming_response.chat.completions.create(
                model="gpt-4o", messages=MSGS, stream=True) as response:
            chunks = list(response.parse())
        assert "".join(c.choices[0].delta.content or "" for c in chunks if c.choices) == "Echo: hi"


async def test_streaming_response_async_parse_is_awaited() -> None:
    fake = FakeOpenAI()
    async with fake.async_client() as client:
        async with client.chat.completions.with_streaming_response.create(model="gpt-4o", messages=MSGS) as response:
            completion = await response.parse()
            assert completion.choices[0].message.content == "Echo: hi"
            assert (await response.json())["choices"][0]["message"]["content"] == "Echo: hi"
            assert "Echo: hi" in await response.text()
            assert [line async for line in response.iter_lines()]
        assert response.is_closed
        async with client.with_streaming_response.models.list() as response:
            page = await response.parse()
            assert "gpt-4o" in [model.id async for model in page]


PROGRAM = """
import asyncio

client = openai.OpenAI()
raw = client.chat.completions.with_raw_response.create(model="gpt-4o", messages=[{"role": "user", "content": "hi"}])
print(raw.status_code, raw.method, raw.http_request.method, raw.http_request.url.path, raw.headers["content-type"])
print(raw.parse().choices[0].message.content)
print([model.id for model in client.with_raw_response.models.list().parse()][:2])
with client.chat.completions.with_streaming_response.create(
        model="gpt-4o", messages=[{"role": "user", "content": "stream me"}], stream=True) as response:
    print(response.status_code, response.headers["content-type"].split(";")[0])
    print("".join(chunk.choices[0].delta.content or "" for chunk in response.parse() if chunk.choices))


async def main():
    aclient = openai.AsyncOpenAI()
    async with aclient.chat.completions.with_streaming_response.create(
            model="gpt-4o", messages=[{"role": "user", "content": "async"}]) as response:
        completion = await response.parse()
        print(response.status_code, completion.choices[0].message.content)
    raw = await aclient.with_raw_response.embeddings.create(model="text-embedding-3-small", input="x")
    print(raw.status_code, len(raw.parse().data))

asyncio.run(main())
"""


@pytest.mark.parametrize("package", ["gptkit"])
def test_raw_response_program_prints_the_same(package: str) -> None:
    fake = FakeOpenAI()
    outputs = {}
    with fake.serve() as server:
        env = {**os.environ, "OPENAI_BASE_URL": server.base_url, "OPENAI_API_KEY": "sk-compat-test"}
        for name, line in (("openai", "import openai"), (package, "import gptkit as openai")):
            done = subprocess.run([sys.executable, "-c", line + "\n" + textwrap.dedent(PROGRAM)],
                                  capture_output=True, text=True, env=env, timeout=60)
            assert done.returncode == 0, done.stderr[-2000:]
            outputs[name] = done.stdout
    assert outputs["openai"].count("\n") == 7
    assert outputs[package] == outputs["openai"]
