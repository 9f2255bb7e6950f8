"""`gptkit chat` in a pseudo-terminal, typed at as a user would, against the fake server."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from gptkit.testing import FakeOpenAI, FakeServer
from tests.cli_helpers import Terminal, cli_env

ARROW = "[\u203a>] "  # the prompt mark (ASCII ">" when the terminal is not UTF-8)
PROMPT = "you" + ARROW
STORY = " ".join(f"part{i}" for i in range(200))


@pytest.fixture
def fake() -> FakeOpenAI:
    return FakeOpenAI(chunk_delay=0.01)


@pytest.fixture
def server(fake: FakeOpenAI) -> Iterator[FakeServer]:
    with fake.serve() as served:
        yield served


def chat_requests(fake: FakeOpenAI) -> list[dict]:
    return [r.body for r in fake.requests if r.path == "/chat/completions"]


def test_a_conversation(fake: FakeOpenAI, server: FakeServer) -> None:
    term = Terminal("chat", env=cli_env(server.base_url))
    try:
        term.expect(r"gptkit chat · gpt-4o-mini")
        term.expect(PROMPT)
        term.line("What is 2+2?")
        term.expect("gpt-4o-mini" + ARROW + r"Echo: What is 2\+2\?")
        term.expect(r"gpt-4o-mini · \d+ in \+ \d+ out tokens · \$[\d.]+ · [\d.]+ s")
        term.expect(PROMPT)

        term.line("/cost")
        row = term.expect(r"gpt-4o-mini\s+1\s+([\d,]+)\s+0\s+([\d,]+)\s+\$([\d.]+)")
        assert (int(row[1]), int(row[2])) == (fake.stats.prompt_tokens, fake.stats.completion_tokens)
        term.expect(r"total\s+1\s")
        term.expect(PROMPT)

        term.line("/model gpt-4o")
        term.expect(r"model: gpt-4o \(\$2\.50 in, \$10\.00 out per million tokens\)")
        term.expect(PROMPT)
        term.line("And 3+3?")
        term.expect("gpt-4o" + ARROW + r"Echo: And 3\+3\?")
        term.expect(PROMPT)
        second = chat_requests(fake)[-1]
        assert second["model"] == "gpt-4o"
        assert [m["role"] for m in second["messages"]] == ["user", "assistant", "user"]  # the history
        assert second["messages"][1]["content"] == "Echo: What is 2+2?"

        term.line("/cost")
        term.expect(r"gpt-4o\s+1\s")
        term.expect(r"gpt-4o-mini\s+1\s")
        term.expect(r"total\s+2\s")
        term.expect(PROMPT)

        term.line("/reset")
        term.expect(r"new conversation")
        term.expect(PROMPT)
        term.line("fresh start")
        term.expect(r"Echo: fresh start")
        term.expect(PROMPT)
        assert chat_requests(fake)[-1]["messages"] == [{"role": "user", "content": "fresh start"}]

        term.line("/system Answer in French.")
        term.expect(r"system prompt: 'Answer in French.'")
        term.line("bonjour")
        term.expect(r"Echo: bonjour")
        term.expect(PROMPT)
        assert chat_requests(fake)[-1]["messages"][0] == {"role": "system", "content": "Answer in French."}
        term.line("/system off")
        term.expect(r"no system prompt")

        term.line("/help")
        term.expect(r"/cost")
        term.expect(PROMPT)
        term.line("q")
        assert term.wait() == 0
    finally:
        term.close()


def test_ctrl_c_stops_the_answer_not_the_session(fake: FakeOpenAI, server: FakeServer) -> None:
    fake.chunk_delay = 0.05  # 200 words: ten seconds, unless interrupted
    fake.respond(STORY)
    term = Terminal("chat", env=cli_env(server.base_url))
    try:
        term.expect(PROMPT)
        term.line("Tell me a long story.")
        term.expect(r"part0 part1 part2")
        term.interrupt()
        term.expect(r"\[interrupted\]")
        term.expect(r"interrupted")  # the usage line says so too
        term.expect(PROMPT)
        # The client closed the stream: the server stops long before the story's ten seconds.
        deadline = time.monotonic() + 3
        while fake.stats.in_flight and time.monotonic() < deadline:
            time.sleep(0.02)
        assert fake.stats.in_flight == 0

        term.line("go on")
        term.expect(r"Echo: go on")
        term.expect(PROMPT)
        messages = chat_requests(fake)[-1]["messages"]
        assert [m["role"] for m in messages] == ["user", "assistant", "user"]
        partial = messages[1]["content"]
        assert partial.startswith("part0 part1 part2") and len(partial) < len(STORY)  # kept, as documented

        term.type("half a question")
        term.expect("half a question")
        # CPython's readline hook only sees a signal that interrupts its select(): give it time to
        # get there (a person cannot type ^C within microseconds of the prompt either).
        time.sleep(0.3)
        term.interrupt()  # at the prompt: the line is dropped, the session goes on
        term.expect(r"\(Ctrl-C clears the line; q or Ctrl-D leaves, /help lists the commands\)")  # said once
        term.expect(PROMPT)
        term.line("/cost")
        term.expect(r"total\s+2\s")  # the interrupted answer was billed and counted
        term.expect(PROMPT)
        time.sleep(0.3)
        term.interrupt()  # again: no hint this time
        term.expect(PROMPT)
        term.line("/stats")
        term.expect(r"calls\s+2 started: 1 succeeded, 0 failed, 0 in flight")  # one stopped with Ctrl-C
        term.expect(r"latency p50 / p95\s+[\d.]+ s / [\d.]+ s")
        term.expect(PROMPT)
        assert term.buffer.count("Ctrl-C clears the line") == 1
        term.type("\x04")  # Ctrl-D leaves
        assert term.wait() == 0
    finally:
        term.close()


def test_ctrl_c_before_the_answer_starts(fake: FakeOpenAI, server: FakeServer) -> None:
    fake.latency = 10.0  # the server thinks for ten seconds before answering
    term = Terminal("chat", env=cli_env(server.base_url))
    try:
        term.expect(PROMPT)
        term.line("Are you there?")
        term.expect("gpt-4o-mini" + ARROW)
        time.sleep(0.3)
        term.interrupt()
        term.expect(r"\[interrupted\]")
        term.expect(PROMPT)
        fake.latency = 0.0
        term.line("hello")
        term.expect(r"Echo: hello")
        term.expect(PROMPT)
        assert chat_requests(fake)[-1]["messages"] == [{"role": "user", "content": "hello"}]  # question dropped
        term.line("q")
        assert term.wait() == 0
    finally:
        term.close()


def test_history_and_conversation_survive_a_restart(fake: FakeOpenAI, server: FakeServer, tmp_path: Path) -> None:
    history, saved = tmp_path / "history", tmp_path / "conversation.json"
    args = ("chat", "--history", str(history), "--conversation", str(saved), "-m", "gpt-4o")
    term = Terminal(*args, env=cli_env(server.base_url))
    try:
        term.expect(PROMPT)
        term.line("remember the word kiwi")
        term.expect(r"Echo: remember the word kiwi")
        term.expect(PROMPT)
        term.line("exit")
        assert term.wait() == 0
    finally:
        term.close()
    assert "remember the word kiwi" in history.read_text()
    data = json.loads(saved.read_text())
    assert data["model"] == "gpt-4o" and data["messages"][-1]["content"] == "Echo: remember the word kiwi"

    term = Terminal(*args, env=cli_env(server.base_url))
    try:
        term.expect(r"2 messages resumed")
        term.expect(PROMPT)
        term.type("\x1b[A")  # the up arrow recalls the lines typed in the previous run
        term.expect(r"exit")
        term.type("\x1b[A")
        term.expect(r"remember the word kiwi")
        term.line("")
        term.expect(r"Echo: remember the word kiwi")
        term.expect(PROMPT)
        assert len(chat_requests(fake)[-1]["messages"]) == 3
        term.line("quit")
        assert term.wait() == 0
    finally:
        term.close()


def test_errors_inside_the_session(fake: FakeOpenAI, server: FakeServer) -> None:
    fake.respond(status=500, body={"error": {"message": "The server had an error.", "type": "server_error"}},
                 times=None, when=lambda req: req.model == "gpt-broken")
    term = Terminal("chat", "--max-retries", "0", env=cli_env(server.base_url))
    try:
        term.expect(PROMPT)
        term.line("/model gpt-broken")
        term.expect(r"price unknown")
        term.line("hello?")
        term.expect(r"error: the server answered 500")
        term.expect(PROMPT)  # still in the session; the failed question is not in the history
        term.line("/model gpt-4o-mini")
        term.line("hello again")
        term.expect(r"Echo: hello again")
        assert chat_requests(fake)[-1]["messages"] == [{"role": "user", "content": "hello again"}]
        term.line("/nonsense")
        term.expect(r"unknown command /nonsense")
        term.line("q")
        assert term.wait() == 0
    finally:
        term.close()
