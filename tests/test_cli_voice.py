"""One voice for every command: the exit codes and messages of the command line, in one table.

Each row runs ``gptkit.cli.main(argv)`` in this process (stdout and stderr captured), against a
fake server the test serves on 127.0.0.1 when it needs one, and checks the exit code and the one
line on stderr. The codes come from ``gptkit/cli/_exit.py``, the table docs/cli.md shows (a test
below compares them).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import pytest

from gptkit.cli import main
from gptkit.cli._exit import EXIT, EXIT_MEANINGS
from gptkit.testing import FakeOpenAI, FakeServer, Fault

ROOT = Path(__file__).resolve().parent.parent
KEY = "cli-voice-key-0123456789"
LINE = json.dumps({"custom_id": "q-{n}", "method": "POST", "url": "/v1/chat/completions",
                   "body": {"model": "gpt-4o-mini", "max_tokens": 20,
                            "messages": [{"role": "user", "content": "question {n}"}]}})


def _requests(path: Path, count: int = 3, *, bad_line: int | None = None) -> str:
    lines = [LINE.replace("{n}", str(n)) for n in range(1, count + 1)]
    if bad_line is not None:
        lines[bad_line - 1] = '{"custom_id": "q-x", "method": '
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


@dataclass
class World:
    """What a row's command runs against: a served fake (if any) and a scratch directory."""

    fake: FakeOpenAI
    server: FakeServer
    tmp: Path

    def path(self, name: str) -> str:
        return str(self.tmp / name)


@dataclass
class Row:
    id: str
    argv: Callable[[World], list[str]]
    code: str
    message: str
    env: dict[str, str] = field(default_factory=lambda: {"OPENAI_API_KEY": KEY, "OPENAI_BASE_URL": "{fake}"})
    setup: Callable[[World], object] = lambda world: None
    stdin: str = ""
    absent: str | None = None


def _no_key(world: World) -> None:
    world.fake.api_key = KEY


ROWS = [
    # -- configuration and usage: nothing is sent ------------------------------------------------
    Row("ask without a key", lambda w: ["ask", "hi"], "config",
        "no API key: set OPENAI_API_KEY (or pass --api-key", env={"OPENAI_BASE_URL": "{fake}"}),
    Row("a base URL that is not one", lambda w: ["ask", "--base-url", "notaurl", "hi"], "config",
        "the base URL (--base-url or OPENAI_BASE_URL) must start with http:// or https://"),
    Row("an option out of range", lambda w: ["ask", "-t", "5", "hi"], "usage", "must be between 0 and 2"),
    Row("an unknown option", lambda w: ["ask", "--frobnicate", "hi"], "usage", "unrecognized arguments"),
    Row("no question", lambda w: ["ask"], "usage", "no question: give it as an argument or on stdin"),
    Row("a bad budget", lambda w: ["--budget", "lots", "ask", "hi"], "usage", "--budget must be an amount"),
    Row("key and no key", lambda w: ["ask", "--api-key", "x", "--no-api-key", "hi"], "usage", "contradict"),
    # -- answers from the server -------------------------------------------------------------------
    Row("ask", lambda w: ["ask", "hi"], "ok", ""),
    Row("a refused key", lambda w: ["ask", "--api-key", "wrong-key-000", "hi"], "auth",
        "the API key was refused (401", setup=_no_key),
    Row("a model the server does not know", lambda w: ["ask", "-m", "gpt-9", "hi"], "not_found",
        "not found (404", setup=lambda w: w.fake.respond(status=404, body={"error": {
            "message": "The model `gpt-9` does not exist", "type": "invalid_request_error",
            "code": "model_not_found"}}, times=None)),
    Row("a 5xx after the retries", lambda w: ["ask", "--max-retries", "1", "hi"], "error",
        "the server answered 500 after 2 attempts", setup=lambda w: w.fake.inject(Fault.server_error(500))),
    Row("out of credit", lambda w: ["ask", "hi"], "error", "the account is out of credit (429 insufficient_quota",
        setup=lambda w: w.fake.inject(Fault.quota())),
    Row("the budget refuses", lambda w: ["--budget", "0.0001", "ask", "-m", "gpt-4", "hi"], "budget",
        "budget exceeded, nothing was sent: a call to gpt-4 could cost up to"),
    Row("the budget cannot price the model", lambda w: ["--budget", "1", "ask", "-m", "my-own-model", "hi"],
        "budget", "the budget cannot bound a call to 'my-own-model': no price is known for it (see 'gptkit "
        "price my-own-model'), so nothing was sent; without --budget"),
    Row("no server", lambda w: ["ask", "--max-retries", "0", "--base-url", "http://127.0.0.1:9/v1", "hi"],
        "network", "cannot reach the server at http://127.0.0.1:9/v1"),
    Row("a plain answer cut short", lambda w: ["ask", "--json", "--max-retries", "0", "hi"], "network",
        "cut its answer short after", setup=lambda w: w.fake.inject(Fault.truncate())),
    Row("a streamed answer cut short", lambda w: ["ask", "--max-retries", "0", "hi"], "network",
        "the answer was cut off", setup=lambda w: w.fake.inject(Fault.truncate(after_chunks=2))),
    Row("models", lambda w: ["models"], "ok", ""),
    Row("models cut short", lambda w: ["models", "--max-retries", "0"], "network",
        "cut its answer short after", setup=lambda w: w.fake.inject(Fault.truncate())),
    # -- price: no network, no key ---------------------------------------------------------------
    Row("price of several models", lambda w: ["price", "gpt-4o", "text-embedding-3-small"], "ok", "", env={}),
    Row("price of an unknown name", lambda w: ["price", "gpt4o"], "not_found",
        "no price is known for 'gpt4o' (did you mean gpt-4o", env={}),
    Row("price from a price list that does not exist", lambda w: ["price", "--provider", "opneai", "gpt-4o"],
        "usage", "--provider 'opneai' names no price list genai-prices has (did you mean openai", env={}),
    # -- batch: the same options, messages and codes -----------------------------------------------
    Row("batch run, options after the subcommand",
        lambda w: ["batch", "run", "--api-key", KEY, "--base-url", w.server.base_url,
                   _requests(w.tmp / "in.jsonl"), "-o", w.path("out.jsonl")], "ok", "",
        env={}, setup=_no_key),
    Row("batch run without a key", lambda w: ["batch", "run", _requests(w.tmp / "in.jsonl"), "-o",
                                              w.path("out.jsonl")], "config",
        "no API key: set OPENAI_API_KEY (or pass --api-key", env={"OPENAI_BASE_URL": "{fake}"}),
    Row("batch run with a refused key", lambda w: ["batch", "run", "--api-key", "wrong-key-000",
                                                   _requests(w.tmp / "in.jsonl"), "-o", w.path("out.jsonl")],
        "stopped", "stopped: AuthenticationError", setup=_no_key),
    Row("batch run of a missing file", lambda w: ["batch", "run", w.path("nope.jsonl"), "-o", w.path("o.jsonl")],
        "usage", "nope.jsonl: file not found"),
    Row("batch run, results into the input file", lambda w: ["batch", "run", _requests(w.tmp / "in.jsonl"), "-o",
                                                            w.path("in.jsonl")],
        "usage", "in.jsonl: the results file is also the input file; give each its own"),
    Row("batch run, results in a missing directory", lambda w: ["batch", "run", _requests(w.tmp / "in.jsonl"),
                                                               "-o", w.path("nowhere/out.jsonl")],
        "usage", "out.jsonl: no such directory: "),
    Row("batch fetch, failures into the results file", lambda w: ["batch", "fetch", "batch_x", "-o", w.path("o.jsonl"),
                                                                 "--failures", w.path("o.jsonl")],
        "usage", "o.jsonl: the failures file is also the results file"),
    Row("batch validate of bad JSON", lambda w: ["batch", "validate", _requests(w.tmp / "bad.jsonl", bad_line=2)],
        "usage", "line 2: not valid JSON: Expecting value at column 1", absent="line 1"),
    Row("batch run with failures", lambda w: ["batch", "run", _requests(w.tmp / "in.jsonl"), "-o",
                                              w.path("out.jsonl")], "error", "",
        setup=lambda w: w.fake.respond(status=400, times=1, body={"error": {
            "message": "Invalid value for 'temperature'.", "type": "invalid_request_error"}})),
    Row("batch run stopped by the budget", lambda w: ["batch", "run", "--budget", "0.00001",
                                                      _requests(w.tmp / "in.jsonl"), "-o", w.path("out.jsonl")],
        "stopped", "stopped: BudgetExceededError"),
    Row("batch status of an unknown job", lambda w: ["batch", "status", "batch_nope"], "not_found",
        "not found (404"),
    Row("batch fetch before the job is done", lambda w: ["batch", "fetch", w.fake.client().batches.create(
        input_file_id=w.fake.client().files.create(file=("in.jsonl", Path(_requests(w.tmp / "in.jsonl")).read_bytes()),
                                                   purpose="batch").id, endpoint="/v1/chat/completions").id,
        "-o", w.path("out.jsonl")], "error", "is validating (0/0 done); fetch again later or pass --wait"),
    Row("batch, an unknown subcommand", lambda w: ["batch", "frobnicate"], "usage", "invalid choice"),
    Row("batch run, a bad --stop-on", lambda w: ["batch", "run", "--stop-on", "nothing",
                                                 _requests(w.tmp / "in.jsonl"), "-o", w.path("out.jsonl")],
        "usage", "--stop-on takes a comma list"),
]


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    fake = FakeOpenAI(batch_time=None)
    with fake.serve() as server:
        yield World(fake, server, tmp_path)


@pytest.mark.parametrize("row", ROWS, ids=[row.id for row in ROWS])
def test_exit_code_and_message(row: Row, world: World, monkeypatch: pytest.MonkeyPatch,
                               capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "GPTKIT_MODEL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    for name, value in row.env.items():
        monkeypatch.setenv(name, value.replace("{fake}", world.server.base_url))
    monkeypatch.chdir(world.tmp)
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO(row.stdin))
    row.setup(world)
    code = main(row.argv(world))
    out, err = capsys.readouterr()
    assert code == EXIT[row.code], (code, err)
    assert "Traceback" not in err and KEY not in err + out
    problems = [line for line in err.splitlines() if line.startswith("gptkit: error:")]
    if row.code in ("ok",):
        assert not problems, err
    if row.message:
        assert row.message in err, err
    if row.code not in ("ok", "error", "stopped") or problems:
        assert len(problems) == 1, err   # one line says what happened (input errors list their lines after it)
    # Flags and environment variables, not the library's arguments.
    assert not re.search(r"\b[a-z_]+=(\.\.\.|True|False|gptkit\.|\{)", err) and "base_url" not in err, err
    if row.absent:
        assert row.absent not in err, err


def test_docs_show_the_one_table() -> None:
    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    section = text.split("## Errors and exit codes", 1)[1]
    rows = re.findall(r"^\| (\d+) \| (.+?) \|$", section, flags=re.M)
    assert [(int(code), meaning) for code, meaning in rows] == [(code, meaning) for _, code, meaning in EXIT_MEANINGS]


HELPS = [[], ["ask"], ["chat"], ["models"], ["price"], ["demo"], ["batch"], ["batch", "run"],
         ["batch", "validate"], ["batch", "submit"], ["batch", "status"], ["batch", "fetch"]]


@pytest.mark.parametrize("command", HELPS, ids=[" ".join(c) or "gptkit" for c in HELPS])
def test_help_is_plain_text(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*command, "--help"]) == EXIT["ok"]
    text = capsys.readouterr().out
    assert text.startswith("usage: gptkit")
    assert not re.search(r"``|:(class|func|meth|data):|\*\*\w", text), text   # no reStructuredText
    if command[:1] == ["batch"] and command[1:]:
        assert "--api-key" in text and "--base-url" in text  # connection options after the subcommand


def _price(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["price", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_price_of_an_embedding_model_is_openais(capsys: pytest.CaptureFixture[str],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    import genai_prices.data_snapshot as database

    _, truth = database.get_snapshot().find_provider_model("text-embedding-3-small", None, "openai", None)
    rate = truth.get_prices(datetime.now(tz=timezone.utc)).input_mtok
    code, out, err = _price(capsys, "text-embedding-3-small")
    assert code == EXIT["ok"] and not err
    assert "source: genai-prices:openai/text-embedding-3-small" in out
    assert re.search(rf"input\s+\${rate}", out), out
    code, out, _ = _price(capsys, "text-embedding-3-small", "--json")
    assert json.loads(out)["input_per_mtok"] == str(rate)


def test_price_of_several_models_and_an_unknown_one(capsys: pytest.CaptureFixture[str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    code, out, err = _price(capsys, "gpt-4o-mini", "text-embedding-3-small", "gpt4o-mini")
    assert code == EXIT["not_found"]
    rows = {line.split()[0]: line for line in out.splitlines() if line.startswith(("gpt", "text"))}
    assert set(rows) == {"gpt-4o-mini", "text-embedding-3-small"}
    assert rows["gpt-4o-mini"].endswith("genai-prices:openai/gpt-4o-mini")
    assert err.count("gptkit: error:") == 1 and "'gpt4o-mini' (did you mean gpt-4o-mini" in err
    code, out, _ = _price(capsys, "gpt-4o", "gpt-4o-mini", "--json")
    assert code == EXIT["ok"] and [item["model"] for item in json.loads(out)] == ["gpt-4o", "gpt-4o-mini"]
    code, _, err = _price(capsys, "zzzz-qqqq")
    assert code == EXIT["not_found"] and "did you mean" not in err   # nothing close: no guess
