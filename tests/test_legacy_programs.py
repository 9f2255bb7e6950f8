"""Classic pre-1.0 ``openai`` programs run unchanged but for ``import gptkit as openai``."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

import gptkit

from .helpers import Recorder, chat_body
from .legacy_helpers import clean_legacy, completion_body, embedding_body, models_body, run_program

_ = clean_legacy
pytestmark = pytest.mark.usefixtures("clean_legacy")

CLASSIC = """
import gptkit as openai  # was: import openai

openai.api_key = "sk-classic-0123456789"
prompt = "Write a haiku about the sea."
response = openai.Completion.create(
    engine="text-davinci-003",
    prompt=prompt,
    max_tokens=1024,
    n=1,
    stop=None,
    temperature=0.7,
)
message = response.choices[0].text
print(message)
"""


def test_classic_completion_program(capsys: pytest.CaptureFixture[str]) -> None:
    recorder = Recorder(httpx.Response(200, json=completion_body("Waves fold into foam.")))
    gptkit.transport = recorder.transport
    scope = run_program(CLASSIC)
    assert capsys.readouterr().out == "Waves fold into foam.\n"
    assert scope["response"]["choices"][0]["text"] == "Waves fold into foam."
    request = recorder.requests[0]
    assert request.url == "https://api.openai.com/v1/completions"
    assert request.headers["authorization"] == "Bearer sk-classic-0123456789"
    # engine= became model=, stop=None was dropped, nothing else was added or renamed.
    assert recorder.json() == {"model": "text-davinci-003", "prompt": "Write a haiku about the sea.",
                               "max_tokens": 1024, "n": 1, "temperature": 0.7}


CHAT = """
import gptkit as openai

openai.api_key = "sk-chat-key"
openai.organization = "org-classic"
openai.api_base = "https://proxy.example.com/v1"

messages = [{"role": "system", "content": "You are a helpful assistant."}]
messages.append({"role": "user", "content": "Who won the world series in 2020?"})
completion = openai.ChatCompletion.create(model="gpt-3.5-turbo", messages=messages, request_timeout=30)
reply = completion.choices[0].message.content
messages.append({"role": "assistant", "content": completion["choices"][0]["message"]["content"]})
tokens = completion["usage"]["total_tokens"]
role = completion.choices[0].message["role"]
finish = completion["choices"][0].get("finish_reason", "unknown")
has_usage = "usage" in completion
as_dict = completion.to_dict()
"""


def test_classic_chat_program() -> None:
    recorder = Recorder(httpx.Response(200, json=chat_body("The Dodgers.", prompt=20, completion=4)))
    gptkit.transport = recorder.transport
    scope = run_program(CHAT)
    assert scope["reply"] == "The Dodgers."
    assert scope["messages"][-1] == {"role": "assistant", "content": "The Dodgers."}
    assert (scope["tokens"], scope["role"], scope["finish"], scope["has_usage"]) == (24, "assistant", "stop", True)
    assert scope["as_dict"]["choices"][0]["message"]["content"] == "The Dodgers."
    request = recorder.requests[0]
    assert str(request.url) == "https://proxy.example.com/v1/chat/completions"
    assert request.headers["openai-organization"] == "org-classic"
    assert request.extensions["timeout"]["read"] == 30


ERRORS = """
import gptkit as openai

openai.api_key = "sk-errors"
openai.max_retries = 0

def ask(question):
    try:
        answer = openai.ChatCompletion.create(
            model="gpt-3.5-turbo", messages=[{"role": "user", "content": question}]
        )
    except openai.error.RateLimitError as e:
        return f"rate limited ({e.http_status})"
    except openai.error.InvalidRequestError as e:
        return f"invalid request: {e.user_message}"
    except openai.error.AuthenticationError:
        return "bad key"
    except openai.error.Timeout:
        return "timed out"
    except openai.error.APIConnectionError:
        return "network down"
    except openai.error.ServiceUnavailableError:
        return "server overloaded"
    except openai.error.APIError as e:
        return f"api error {e.http_status}"
    except openai.error.OpenAIError as e:
        return f"other: {e}"
    return answer["choices"][0]["message"]["content"]

answers = [ask(q) for q in ["a", "b", "c", "d", "e", "f", "g", "h"]]
try:
    openai.ChatCompletion.create(model="gpt-3.5-turbo", messages=[{"role": "robot", "content": "x"}])
except openai.InvalidRequestError as e:
    local = type(e).__name__
"""


def test_old_except_clauses_catch_the_aliases() -> None:
    def error(status: int, message: str, code: str | None = None) -> httpx.Response:
        return httpx.Response(status, json={"error": {"message": message, "type": "x", "code": code}})

    recorder = Recorder(
        httpx.Response(200, json=chat_body("fine")),
        error(429, "Rate limit reached", "rate_limit_exceeded"),
        error(400, "bad messages"),
        error(401, "Incorrect API key provided"),
        httpx.ReadTimeout("slow"),
        httpx.ConnectError("refused"),
        error(503, "overloaded"),
        error(409, "conflict"),
    )
    gptkit.transport = recorder.transport
    scope = run_program(ERRORS)
    assert scope["answers"] == [
        "fine",
        "rate limited (429)",
        "invalid request: Error code: 400 - bad messages",
        "bad key",
        "timed out",
        "network down",
        "server overloaded",
        "api error 409",
    ]
    # Rejected before sending, and still an InvalidRequestError as the old package raised.
    assert scope["local"] == "InvalidParameterError"
    assert len(recorder.requests) == 8


def test_embedding_and_model_programs() -> None:
    recorder = Recorder(
        httpx.Response(200, json=embedding_body()),
        httpx.Response(200, json=models_body()),
        httpx.Response(200, json=models_body()["data"][1]),
    )
    gptkit.transport = recorder.transport
    scope = run_program(
        """
        import gptkit as openai
        openai.api_key = "sk-emb"
        result = openai.Embedding.create(input=["hello"], engine="text-embedding-ada-002")
        vector = result["data"][0]["embedding"]
        ids = [m["id"] for m in openai.Model.list()["data"]]
        owner = openai.Model.retrieve("gpt-4o-mini").owned_by
        """
    )
    assert scope["vector"] == [0.5, -0.25, 1.0]
    assert scope["ids"] == ["gpt-4o", "gpt-4o-mini"]
    assert scope["owner"] == "openai"
    assert recorder.json(0)["model"] == "text-embedding-ada-002"
    assert recorder.requests[2].url.path == "/v1/models/gpt-4o-mini"


def test_new_module_level_style() -> None:
    recorder = Recorder(
        httpx.Response(200, json=chat_body("new style")),
        httpx.Response(200, json=completion_body("text")),
        httpx.Response(200, json=embedding_body()),
        httpx.Response(200, json=models_body()),
    )
    gptkit.transport = recorder.transport
    scope = run_program(
        """
        import gptkit as openai
        import gptkit.types
        openai.api_key = "sk-new"
        chat = openai.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "hi"}])
        text = openai.completions.create(model="gpt-3.5-turbo-instruct", prompt="x")
        emb = openai.embeddings.create(model="text-embedding-3-small", input="x")
        names = [m.id for m in openai.models.list()]
        is_typed = isinstance(chat, gptkit.types.ChatCompletion)
        """
    )
    assert scope["chat"].choices[0].message.content == "new style"
    assert scope["text"].choices[0].text == "text"
    assert scope["emb"].data[0].embedding == [0.5, -0.25, 1.0]
    assert scope["names"] == ["gpt-4o", "gpt-4o-mini"]
    assert scope["is_typed"] is True
    assert [r.url.path for r in recorder.requests] == [
        "/v1/chat/completions", "/v1/completions", "/v1/embeddings", "/v1/models"]


STREAM = """
import sys
import gptkit as openai

openai.api_key = "sk-stream"
for chunk in openai.ChatCompletion.create(
    model="gpt-3.5-turbo", messages=[{"role": "user", "content": "Count to three"}], stream=True
):
    content = chunk["choices"][0].get("delta", {}).get("content")
    if content is not None:
        print(content, end="")
"""


def _sse(*events: dict[str, Any]) -> httpx.Response:
    text = "".join(f"data: {json.dumps(e)}\n\n" for e in events) + "data: [DONE]\n\n"
    return httpx.Response(200, headers={"content-type": "text/event-stream"}, content=text.encode())


def _chunk(content: str | None, finish: str | None = None) -> dict[str, Any]:
    delta = {} if content is None else {"content": content}
    return {"id": "c1", "object": "chat.completion.chunk", "created": 1, "model": "gpt-3.5-turbo",
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}


def test_classic_stream_request() -> None:
    """What works now: the old call becomes today's streamed chat call on the wire."""
    recorder = Recorder(httpx.Response(500, json={"error": {"message": "stop here"}}))
    gptkit.transport = recorder.transport
    gptkit.max_retries = 0
    with pytest.raises(gptkit.error.ServiceUnavailableError):
        run_program(STREAM)
    body = recorder.json()
    assert body["stream"] is True
    assert body["stream_options"] == {"include_usage": True}


def test_classic_stream_program(capsys: pytest.CaptureFixture[str]) -> None:
    recorder = Recorder(_sse(_chunk(""), _chunk("one, "), _chunk("two, "), _chunk("three"), _chunk(None, "stop")))
    gptkit.transport = recorder.transport
    run_program(STREAM)
    assert capsys.readouterr().out == "one, two, three"


def test_classic_program_as_main_in_a_fresh_process(tmp_path: Any) -> None:
    """As a user runs it: ``python old_script.py``; the warning shows once, by default filters."""
    import subprocess
    import sys

    script = tmp_path / "old_script.py"
    script.write_text(CLASSIC + "response = openai.Completion.create(engine='gpt-3.5-turbo-instruct', prompt='again')\n")
    runner = (
        "import json, runpy, httpx, gptkit\n"
        f"body = json.loads({json.dumps(json.dumps(completion_body('Hi from main.')))})\n"
        "gptkit.transport = httpx.MockTransport(lambda request: httpx.Response(200, json=body))\n"
        f"runpy.run_path({str(script)!r}, run_name='__main__')\n"
    )
    out = subprocess.run([sys.executable, "-c", runner], capture_output=True, text=True, check=True, timeout=60)
    assert out.stdout == "Hi from main.\n"
    assert out.stderr.count("DeprecationWarning") == 1
    assert "old_script.py" in out.stderr and "gptkit.Client(" in out.stderr
