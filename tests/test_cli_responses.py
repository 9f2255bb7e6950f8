"""`gptkit ask/chat --api responses` and the demo's Responses call, run as a user runs them."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from decimal import Decimal

import pytest

import gptkit
from gptkit.testing import FakeOpenAI, FakeServer
from tests.cli_helpers import Terminal, cli_env, run

ARROW = "[\u203a>] "
PROMPT = "you" + ARROW


@pytest.fixture
def fake() -> FakeOpenAI:
    return FakeOpenAI(chunk_delay=0.005)


@pytest.fixture
def server(fake: FakeOpenAI) -> Iterator[FakeServer]:
    with fake.serve() as served:
        yield served


def test_ask_streams_a_responses_api_answer(fake: FakeOpenAI, server: FakeServer) -> None:
    result = run("ask", "--api", "responses", "What", "is", "2+2?", env=cli_env(server.base_url))
    assert result.returncode == 0, result.stderr
    assert result.stdout == "Echo: What is 2+2?\n"
    sent = fake.requests[-1]
    assert sent.path == "/responses"
    assert sent.body == {"model": "gpt-4o-mini", "input": "What is 2+2?", "stream": True}
    usage = re.search(r"gpt-4o-mini · (\d+) in \+ (\d+) out tokens · \$([\d.]+)", result.stderr)
    assert usage, result.stderr
    assert (int(usage[1]), int(usage[2])) == (fake.stats.prompt_tokens, fake.stats.completion_tokens)
    price = gptkit.price_of("gpt-4o-mini")
    assert price is not None and price.input_per_mtok is not None and price.output_per_mtok is not None
    expected = (int(usage[1]) * price.input_per_mtok + int(usage[2]) * price.output_per_mtok) / 1_000_000
    assert Decimal(usage[3]) == expected


def test_ask_options_become_responses_parameters(fake: FakeOpenAI, server: FakeServer) -> None:
    result = run("ask", "--api", "responses", "--model", "gpt-4o", "-t", "0.3", "--max-tokens", "50",
                 "--system", "Be brief.", "-q", "hi", env=cli_env(server.base_url))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert fake.requests[-1].body == {"model": "gpt-4o", "input": "hi", "instructions": "Be brief.",
                                      "temperature": 0.3, "max_output_tokens": 50, "stream": True}


def test_ask_json_with_the_responses_api(fake: FakeOpenAI, server: FakeServer) -> None:
    result = run("ask", "--api", "responses", "--json", "hello", env=cli_env(server.base_url))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["answer"], data["status"], data["model"]) == ("Echo: hello", "completed", "gpt-4o-mini")
    assert data["id"].startswith("resp_") and data["request_id"].startswith("req_")
    assert data["usage"]["input_tokens"] == fake.stats.prompt_tokens and Decimal(data["cost"]["total"]) > 0
    assert "stream" not in fake.requests[-1].body


def test_the_default_api_stays_chat(fake: FakeOpenAI, server: FakeServer) -> None:
    assert run("ask", "-q", "hi", env=cli_env(server.base_url)).returncode == 0
    assert fake.requests[-1].path == "/chat/completions"
    bad = run("ask", "--api", "assistants", "hi", env=cli_env(server.base_url))
    assert bad.returncode == 2 and "invalid choice" in bad.stderr


def test_a_conversation_over_the_responses_api(fake: FakeOpenAI, server: FakeServer) -> None:
    term = Terminal("chat", "--api", "responses", "--system", "Be kind.", env=cli_env(server.base_url))
    try:
        term.expect(r"gptkit chat · gpt-4o-mini · Responses API")
        term.expect(PROMPT)
        term.line("What is 2+2?")
        term.expect("gpt-4o-mini" + ARROW + r"Echo: What is 2\+2\?")
        term.expect(r"gpt-4o-mini · \d+ in \+ \d+ out tokens · \$[\d.]+ · [\d.]+ s")
        term.expect(PROMPT)
        term.line("And 3+3?")
        term.expect(r"Echo: And 3\+3\?")
        term.expect(PROMPT)
        second = [r.body for r in fake.requests if r.path == "/responses"][-1]
        assert second["instructions"] == "Be kind." and second["stream"] is True
        assert second["input"] == [{"role": "user", "content": "What is 2+2?"},
                                   {"role": "assistant", "content": "Echo: What is 2+2?"},
                                   {"role": "user", "content": "And 3+3?"}]
        term.line("/cost")
        term.expect(r"total\s+2\s")
        term.expect(PROMPT)
        term.line("q")
        assert term.wait() == 0
    finally:
        term.close()


def test_the_demo_streams_one_responses_call() -> None:
    result = run("demo", "--fast", env=cli_env(None, api_key=None, offline=True), timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert "The same through the Responses API" in out
    assert "1 request to POST /responses" in out
    assert out.count("gptkit is a typed Python client") == 2  # the chat answer, then the Responses one
