"""`gptkit ask / models / price / demo` and their errors, run as a user runs them (subprocesses).

Every test that talks to a server starts the fake one on 127.0.0.1 itself.
"""

from __future__ import annotations

import json
import os
import re
import select
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

import gptkit
from gptkit.testing import FakeOpenAI, FakeServer
from tests.cli_helpers import GPTKIT, cli_env, free_port, run, run_many

LONG = " ".join(f"word{i}" for i in range(12))


@pytest.fixture
def fake() -> FakeOpenAI:
    return FakeOpenAI()


@pytest.fixture
def server(fake: FakeOpenAI) -> Iterator[FakeServer]:
    with fake.serve() as served:
        yield served


def assert_one_line_error(result: subprocess.CompletedProcess[str], code: int, *needles: str) -> None:
    assert result.returncode == code, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr + result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("gptkit"), result.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]


# -- ask ---------------------------------------------------------------------------------------

def test_ask_prints_the_answer_and_usage_on_stderr(fake: FakeOpenAI, server: FakeServer) -> None:
    result = run("ask", "What", "is", "2+2?", env=cli_env(server.base_url))
    assert result.returncode == 0, result.stderr
    assert result.stdout == "Echo: What is 2+2?\n"
    body = fake.requests[-1].body
    assert body["stream"] is True and body["messages"] == [{"role": "user", "content": "What is 2+2?"}]
    assert body["model"] == "gpt-4o-mini"
    usage = re.search(r"gpt-4o-mini · (\d+) in \+ (\d+) out tokens · \$([\d.]+)", result.stderr)
    assert usage, result.stderr
    assert (int(usage[1]), int(usage[2])) == (fake.stats.prompt_tokens, fake.stats.completion_tokens)
    price = gptkit.price_of("gpt-4o-mini")
    assert price is not None and price.input_per_mtok is not None and price.output_per_mtok is not None
    expected = (int(usage[1]) * price.input_per_mtok + int(usage[2]) * price.output_per_mtok) / 1_000_000
    assert Decimal(usage[3]) == expected


def test_ask_options_reach_the_request(fake: FakeOpenAI, server: FakeServer) -> None:
    result = run("ask", "--model", "gpt-4o", "-t", "0.3", "--max-tokens", "50", "--system", "Be brief.", "-q",
                 "hi", env=cli_env(server.base_url))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # -q: no usage line
    body = fake.requests[-1].body
    assert (body["model"], body["temperature"], body["max_tokens"]) == ("gpt-4o", 0.3, 50)
    assert body["messages"][0] == {"role": "system", "content": "Be brief."}


@pytest.mark.parametrize("args", [(), ("-",)])
def test_ask_reads_the_question_from_stdin(fake: FakeOpenAI, server: FakeServer, args: tuple[str, ...]) -> None:
    result = run("ask", *args, env=cli_env(server.base_url), input="a question\nover two lines\n")
    assert result.returncode == 0, result.stderr
    assert fake.requests[-1].body["messages"][-1]["content"] == "a question\nover two lines"
    assert result.stdout.startswith("Echo: ")


def test_ask_puts_stdin_where_the_dash_is(fake: FakeOpenAI, server: FakeServer) -> None:
    result = run("ask", "Summarise:", "-", "please", env=cli_env(server.base_url), input="line one\nline two\n")
    assert result.returncode == 0, result.stderr
    assert fake.requests[-1].body["messages"][-1]["content"] == "Summarise: \nline one\nline two\n please"


def test_ask_empty_stdin_is_a_usage_error(server: FakeServer) -> None:
    assert_one_line_error(run("ask", env=cli_env(server.base_url), input=""), 2, "no question")


def test_ask_streams_as_the_answer_arrives() -> None:
    fake = FakeOpenAI(chunk_delay=0.06)
    fake.respond(LONG)
    with fake.serve() as server:
        process = subprocess.Popen([*GPTKIT, "ask", "go"], env=cli_env(server.base_url), stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
        assert process.stdout is not None
        try:
            ready, _, _ = select.select([process.stdout], [], [], 20)
            assert ready, "no output at all"
            first = os.read(process.stdout.fileno(), 65536).decode()
            running = process.poll() is None
            streams_done = fake.stats.in_flight == 0
            rest, _ = process.communicate(timeout=20)
        finally:
            process.kill() if process.poll() is None else None
    # The first words were on stdout while the server was still sending the rest.
    assert running and not streams_done
    assert first and LONG.startswith(first.strip()) and len(first.strip()) < len(LONG)
    assert first + rest.decode() == LONG + "\n"


def test_ask_json(fake: FakeOpenAI, server: FakeServer) -> None:
    result = run("ask", "--json", "-m", "gpt-4o", "hello", env=cli_env(server.base_url))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["answer"] == "Echo: hello" and data["model"] == "gpt-4o" and data["finish_reason"] == "stop"
    assert data["usage"]["completion_tokens"] == fake.stats.completion_tokens
    assert data["cost"]["price_source"] == "genai-prices:openai/gpt-4o"
    assert Decimal(data["cost"]["total"]) == Decimal(data["cost"]["input"]) + Decimal(data["cost"]["output"])
    assert data["request_id"].startswith("req_")


def test_ask_ctrl_c_exits_130_without_a_traceback() -> None:
    fake = FakeOpenAI(chunk_delay=0.2)
    fake.respond(LONG)
    with fake.serve() as server:
        process = subprocess.Popen([*GPTKIT, "ask", "go"], env=cli_env(server.base_url), stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
        assert process.stdout is not None
        ready, _, _ = select.select([process.stdout], [], [], 20)
        assert ready
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=20)
    assert process.returncode == 130
    assert "Traceback" not in err.decode() and err.decode().strip().endswith("gptkit: error: interrupted")
    assert len(out.decode().split()) < 12


def test_retries_are_logged_with_verbose_and_bounded_by_max_retries(fake: FakeOpenAI, server: FakeServer) -> None:
    fake.inject("server_error", status=503, attempts=1)  # each call's first attempt fails
    retried, refused = run_many(("-v", "ask", "hi"), ("--max-retries", "0", "ask", "hi"), env=cli_env(server.base_url))
    assert retried.returncode == 0 and retried.stdout == "Echo: hi\n"
    assert re.search(r"^gptkit: retrying POST /chat/completions: attempt 1 failed \(503", retried.stderr, re.M)
    assert_one_line_error(refused, 1, "the server answered 503")


def test_budget_refuses_before_sending(fake: FakeOpenAI, server: FakeServer) -> None:
    result = run("--budget", "0.000001", "ask", "hi", env=cli_env(server.base_url))
    assert_one_line_error(result, 6, "budget exceeded, nothing was sent", "$0.000001")
    assert fake.stats.by_path["/chat/completions"] == 0


def test_unknown_model_is_a_clear_error(fake: FakeOpenAI, server: FakeServer) -> None:
    fake.respond(status=404, times=None, when=lambda req: req.model == "gpt-nope", body={"error": {
        "message": "The model `gpt-nope` does not exist or you do not have access to it.",
        "type": "invalid_request_error", "param": None, "code": "model_not_found"}})
    result = run("ask", "-m", "gpt-nope", "hi", env=cli_env(server.base_url))
    assert_one_line_error(result, 7, "404", "gpt-nope", "gptkit models")


# -- models and price --------------------------------------------------------------------------

def test_models(server: FakeServer) -> None:
    result = run("models", env=cli_env(server.base_url))
    assert result.returncode == 0, result.stderr
    listed = [line.split()[0] for line in result.stdout.splitlines()[2:]]
    assert listed == sorted(FakeOpenAI().models)
    as_json = run("--base-url", server.base_url, "models", "--json", env=cli_env(None))
    assert [m["id"] for m in json.loads(as_json.stdout)] == listed


def test_price_needs_no_key_nor_network() -> None:
    import genai_prices.data_snapshot as database

    _, model = database.get_snapshot().find_provider_model("gpt-4o", None, "openai", None)
    truth = model.prices
    env = cli_env(None, api_key=None, offline=True)
    result, as_json, unknown = run_many(("price", "gpt-4o"), ("price", "gpt-4o", "--json"),
                                        ("price", "no-such-model-xyz"), env=env)
    assert result.returncode == 0, result.stderr
    lines = {line.split("  ")[0].strip(): line.split()[-1] for line in result.stdout.splitlines()[3:6]}
    assert Decimal(lines["input"].lstrip("$")) == truth.input_mtok
    assert Decimal(lines["cached input"].lstrip("$")) == truth.cache_read_mtok
    assert Decimal(lines["output"].lstrip("$")) == truth.output_mtok
    assert "source: genai-prices:openai/gpt-4o" in result.stdout
    data = json.loads(as_json.stdout)
    assert Decimal(data["output_per_mtok"]) == truth.output_mtok and data["source"] == "genai-prices:openai/gpt-4o"
    assert_one_line_error(unknown, 7, "no price is known", "no-such-model-xyz")


# -- errors ------------------------------------------------------------------------------------

def test_missing_key(server: FakeServer) -> None:
    result = run("ask", "hi", env=cli_env(server.base_url, api_key=None))
    assert_one_line_error(result, 3, "no API key", "OPENAI_API_KEY")


@pytest.mark.parametrize("how", ["env", "option", "verbose-debug"])
def test_401_never_prints_the_key(how: str) -> None:
    planted = "sk-planted-Secret-4f9a2b7c1d"
    with FakeOpenAI(api_key="sk-the-right-key-123456").serve() as server:
        if how == "env":
            results = run_many(("ask", "hi"), ("models",), ("chat",),
                               env=cli_env(server.base_url, api_key=planted), input="hi\n")
        elif how == "option":
            results = [run("--api-key", planted, "ask", "hi", env=cli_env(server.base_url, api_key=None))]
        else:
            results = [run("-v", "--debug", "ask", "hi", env=cli_env(server.base_url, api_key=planted))]
    for result in results:
        assert result.returncode == 4, result.stderr
        output = result.stdout + result.stderr
        assert planted not in output and planted[3:] not in output and "4f9a2b7c1d" not in output
        assert "the API key was refused (401" in result.stderr
        if how != "verbose-debug":
            assert_one_line_error(result, 4)


def test_network_failure() -> None:
    url = f"http://127.0.0.1:{free_port()}/v1"
    asked, listed = run_many(("--max-retries", "0", "ask", "hi"), ("models", "--max-retries", "0"), env=cli_env(url))
    assert_one_line_error(asked, 5, "cannot reach the server", url)
    assert "Connection refused" in asked.stderr  # the chained cause, not the bare "Connection error."
    assert_one_line_error(listed, 5, "cannot reach")


def test_bad_options_and_values() -> None:
    results = run_many(("ask", "--bogus", "hi"), ("--timeout", "soon", "ask", "hi"), ("ask", "-t", "7", "hi"),
                       ("nosuchcommand",), ("--budget", "lots", "ask", "hi"),
                       ("--base-url", "ftp://example.invalid", "ask", "hi"), env=cli_env("http://127.0.0.1:9/v1"))
    needles = ["--bogus", "--timeout", "between 0 and 2", "nosuchcommand", "--budget"]
    for result, needle in zip(results[:5], needles, strict=True):
        assert_one_line_error(result, 2, needle)
    assert_one_line_error(results[5], 3, "the base URL (--base-url or OPENAI_BASE_URL) must start with http")


def test_version_help_and_entry_points() -> None:
    result, helped, no_command = run_many(("--version",), ("ask", "--help"), (), env=cli_env())
    assert result.returncode == 0 and result.stdout.startswith(f"gptkit {gptkit.__version__} (")
    assert helped.returncode == 0 and "--max-tokens" in helped.stdout and "--base-url" in helped.stdout
    script = Path(sys.executable).with_name("gptkit")
    if not script.exists():  # pragma: no cover - an install without the console script
        found = shutil.which("gptkit")
        assert found is not None, "the gptkit console script is not installed"
        script = Path(found)
    by_script = subprocess.run([str(script), "--version"], capture_output=True, text=True, env=cli_env(),
                               timeout=30)
    assert by_script.stdout == result.stdout
    assert no_command.returncode == 2 and "ask" in no_command.stderr


def test_batch_delegates_to_the_batch_runner(tmp_path: Path) -> None:
    result = run("batch", "--help", env=cli_env())
    assert result.returncode == 0
    assert "usage: gptkit batch" in result.stdout and "run" in result.stdout
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n")
    result = run("batch", "validate", str(bad), env=cli_env())
    assert result.returncode == 2 and "line 1" in result.stderr


# -- the demo ----------------------------------------------------------------------------------

def test_demo_runs_offline_without_a_key() -> None:
    start = time.monotonic()
    result = run("demo", env=cli_env(None, api_key=None, offline=True), timeout=60)
    took = time.monotonic() - start
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stderr == ""
    out = result.stdout
    for heading in ("1. A streamed answer", "2. A burst of 40 concurrent calls", "3. A budget refuses a call",
                    "4. The cost ledger"):
        assert heading in out
    assert "gptkit is a typed Python client" in out
    counts = {name: int(value) for name, value in re.findall(
        r"^  (requests sent|429 answers|retried|succeeded|failed|most in flight)\s+(\d+)", out, re.M)}
    assert counts["succeeded"] == 40 and counts["failed"] == 0
    assert counts["429 answers"] > 0 and counts["retried"] == counts["429 answers"]
    assert counts["requests sent"] == 40 + counts["retried"]
    assert 1 < counts["most in flight"] <= 8
    assert "refused with BudgetExceededError" in out and "requests the server saw for it: 0" in out
    total = re.search(r"^  total\s+(\d+)\s+[\d,]+\s+\d+\s+[\d,]+\s+\$([\d.]+)", out, re.M)
    assert total and int(total[1]) == 43  # 2 streamed (chat, Responses) + 40 burst + 1 under the budget
    assert Decimal(total[2]) > 0
    assert took < 20


def test_a_reader_that_goes_away_ends_it_quietly() -> None:
    fake = FakeOpenAI(chunk_delay=0.05)
    fake.respond(" ".join(["word"] * 60))  # three seconds of answer; the reader leaves at once
    with fake.serve() as server:
        process = subprocess.Popen([*GPTKIT, "ask", "go"], env=cli_env(server.base_url), stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
        assert process.stdout is not None and process.stderr is not None
        assert os.read(process.stdout.fileno(), 100).startswith(b"word")
        process.stdout.close()  # like `gptkit ask ... | head -c 4`
        err = process.stderr.read()
        assert process.wait(timeout=30) == 1
    assert err == b""
