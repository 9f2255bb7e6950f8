"""Pre-1.0 results print as JSON (``print(response)``), as the old ``OpenAIObject`` did.

The old objects were dicts: ``str`` was the JSON the server sent, indented by two; ``repr`` was
``<OpenAIObject chat.completion id=... at 0x...> JSON: {...}`` (``<Model model id=...`` for a
model). Today's client (``gptkit.Client``) keeps printing as the official package does.
"""

from __future__ import annotations

import json
import re

import httpx
import pytest

import gptkit
from gptkit.types import ChatCompletion, Model

from .helpers import Recorder, chat_body
from .legacy_helpers import clean_legacy, embedding_body, models_body, run_program

_ = clean_legacy
pytestmark = pytest.mark.usefixtures("clean_legacy")

PROGRAM = """
import gptkit as openai

openai.api_key = "sk-print-key"
response = openai.ChatCompletion.create(model="gpt-3.5-turbo", messages=[{"role": "user", "content": "hi"}])
print(response)
print(response.choices[0].message)
print(repr(response))
"""


def test_a_legacy_response_prints_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    body = chat_body("Hello!", prompt=4, completion=2)
    gptkit.transport = Recorder(httpx.Response(200, json=body)).transport
    scope = run_program(PROGRAM)
    out = capsys.readouterr().out
    whole = json.dumps(scope["response"].to_dict(), indent=2)
    message = json.dumps({"content": "Hello!", "role": "assistant"}, indent=2)
    assert out == (f"{whole}\n{message}\n"
                   f"<OpenAIObject chat.completion id=chatcmpl-1 at {hex(id(scope['response']))}> JSON: {whole}\n")
    assert json.loads(whole) == {**body, "choices": [{**body["choices"][0], "message": {
        "role": "assistant", "content": "Hello!"}}]}  # what the server sent, nothing added
    # Still today's typed object, with gptkit's additions.
    response = scope["response"]
    assert isinstance(response, ChatCompletion) and type(response).__name__ == "ChatCompletion"
    assert response.usage.total_tokens == 6 and response["usage"]["total_tokens"] == 6


def test_legacy_models_and_stream_chunks_print_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    model = {"id": "gpt-4o", "object": "model", "created": 1, "owned_by": "openai"}
    events = "".join(f"data: {json.dumps(e)}\n\n" for e in [
        {"id": "c", "object": "chat.completion.chunk", "created": 1, "model": "m",
         "choices": [{"index": 0, "delta": {"content": "Hi"}, "finish_reason": None}]},
    ]) + "data: [DONE]\n\n"
    gptkit.transport = Recorder(
        httpx.Response(200, json=models_body()), httpx.Response(200, json=model),
        httpx.Response(200, json=embedding_body()),
        httpx.Response(200, headers={"content-type": "text/event-stream"}, content=events.encode()),
    ).transport
    scope = run_program("""
import gptkit as openai
openai.api_key = "sk-print-key"
models = openai.Model.list()
one = openai.Model.retrieve("gpt-4o")
emb = openai.Embedding.create(input="x", engine="text-embedding-ada-002")
chunks = list(openai.ChatCompletion.create(model="m", messages=[{"role": "user", "content": "x"}], stream=True))
print(one)
print(repr(one))
print(chunks[0])
print(emb["data"][0])
""")
    one = scope["one"]
    # Keys come in the order of the official models' fields (the old package kept the server's).
    text = json.dumps({"id": "gpt-4o", "created": 1, "object": "model", "owned_by": "openai"}, indent=2)
    chunk = json.dumps({"id": "c", "choices": [{"delta": {"content": "Hi"}, "index": 0, "finish_reason": None}],
                        "created": 1, "model": "m", "object": "chat.completion.chunk"}, indent=2)
    embedding = json.dumps({"embedding": [0.5, -0.25, 1.0], "index": 0, "object": "embedding"}, indent=2)
    assert capsys.readouterr().out == (
        f"{text}\n<Model model id=gpt-4o at {hex(id(one))}> JSON: {text}\n{chunk}\n{embedding}\n"
    )
    assert isinstance(one, Model) and [m.id for m in scope["models"]] == ["gpt-4o", "gpt-4o-mini"]
    assert re.fullmatch(r"<OpenAIObject list at 0x[0-9a-f]+> JSON: \{.*", repr(scope["models"]), re.S)


def test_todays_client_still_prints_as_the_official_package() -> None:
    client = gptkit.Client(api_key="sk-x", transport=Recorder(httpx.Response(200, json=chat_body("a"))).transport)
    completion = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "x"}])
    assert str(completion).startswith("ChatCompletion(id='chatcmpl-1', choices=[Choice(finish_reason='stop'")
    assert repr(completion) == str(completion)
