"""``python -m gptkit.batch`` in a subprocess against FakeOpenAI served on 127.0.0.1: kill -9, Ctrl-C, resume."""

from __future__ import annotations

import os
import pathlib
import signal
import subprocess
import sys
import time
from collections import Counter

import pytest

from gptkit.cli import main as gptkit_main
from gptkit.testing import FakeOpenAI, FakeRequest, Fault

from .batch_helpers import (
    assert_exactly_once,
    chat_line,
    read_records,
    read_settled_records,
    write_chat_input,
    write_lines,
)

pytestmark = pytest.mark.slow


def main(argv: list[str]) -> int:
    """``python -m gptkit.batch ARGV`` in this process."""
    return gptkit_main(["batch", *argv])


def _command(source: pathlib.Path, out: pathlib.Path, url: str, *extra: str) -> list[str]:
    return [sys.executable, "-m", "gptkit.batch", "run", str(source), "-o", str(out), "--base-url", url,
            "--no-api-key", "--max-retries", "3", "-c", "8", "--progress-interval", "0.2", *extra]


def _number(request: FakeRequest) -> int | None:
    if request.path != "/chat/completions":
        return None
    return int(str(request.body["messages"][-1]["content"]).split()[1])


def _faulty_fake() -> FakeOpenAI:
    """Every 40th line (7, 47, ...) is a permanent 400; others get one 429 or one 503 first."""
    fake = FakeOpenAI(latency=0.01)
    fake.respond(status=400, body={"error": {"message": "injected 400", "type": "invalid_request_error"}},
                 times=None, when=lambda r: (_number(r) or 0) % 40 == 7)
    fake.inject(Fault.rate_limit(0.001), attempts=1, when=lambda r: (_number(r) or 0) % 20 == 1)
    fake.inject(Fault.server_error(503), attempts=1, when=lambda r: (_number(r) or 0) % 20 == 2)
    return fake


def _wait_for_lines(path: pathlib.Path, count: int, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if path.exists() and path.read_bytes().count(b"\n") >= count:
            return
        assert process.poll() is None, "the run ended before it could be interrupted"
        time.sleep(0.01)
    raise AssertionError(f"{path} never reached {count} lines")


def test_kill_9_in_the_middle_then_resume(tmp_path: pathlib.Path) -> None:
    n = 600
    source = write_chat_input(tmp_path / "in.jsonl", n)
    out, failed = tmp_path / "out.jsonl", tmp_path / "out.failures.jsonl"
    fake = _faulty_fake()
    with fake.serve() as server:
        process = subprocess.Popen(_command(source, out, server.base_url), stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, text=True)
        _wait_for_lines(out, 150, process)
        process.send_signal(signal.SIGKILL)
        process.communicate()
        assert process.returncode == -signal.SIGKILL
        recorded = len(read_settled_records(out)) + len(read_settled_records(failed))
        assert 150 <= recorded < n
        with open(out, "ab") as handle:  # what a crash in the middle of a write leaves behind
            handle.write(b'{"id":"batch_req_x","custom_id":"r59')
        resumed = subprocess.run(_command(source, out, server.base_url, "--json"), capture_output=True,
                                 text=True, timeout=120)
    assert resumed.returncode == 1, resumed.stderr  # complete, with the injected 400s as failures
    assert '"complete": true' in resumed.stdout and f'"skipped": {recorded}' in resumed.stdout
    assert_exactly_once(n, out, failed)
    assert {r["custom_id"] for r in read_records(failed)} == {f"r{i}" for i in range(n) if i % 40 == 7}
    assert all(r["error"]["class"] == "BadRequestError" for r in read_records(failed))
    assert "/600" in resumed.stderr  # plain progress lines, since stderr is not a terminal
    # Only requests in flight at the kill were sent again: at most the 8 workers' worth.
    sent = Counter(_number(r) for r in fake.requests if r.attempt == 1)
    assert sum(sent.values()) - n <= 8


def test_ctrl_c_stops_gracefully_then_resume(tmp_path: pathlib.Path) -> None:
    n = 400
    source = write_chat_input(tmp_path / "in.jsonl", n)
    out, failed = tmp_path / "out.jsonl", tmp_path / "out.failures.jsonl"
    fake = FakeOpenAI(latency=0.01)
    with fake.serve() as server:
        process = subprocess.Popen(_command(source, out, server.base_url), stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, text=True)
        _wait_for_lines(out, 60, process)
        process.send_signal(signal.SIGINT)
        stdout, stderr = process.communicate(timeout=30)
        assert process.returncode == 130, stderr  # interrupted; the same command resumes
        assert "interrupted (SIGINT)" in stdout and "Traceback" not in stderr
        assert out.read_bytes().endswith(b"\n")  # stopped between records
        done = len(read_records(out))
        assert 60 <= done < n
        assert fake.stats.by_path["/chat/completions"] == done  # in-flight ones finished and were recorded
        resumed = subprocess.run(_command(source, out, server.base_url), capture_output=True, text=True,
                                 timeout=120)
    assert resumed.returncode == 0, resumed.stderr
    assert_exactly_once(n, out, failed)
    assert fake.stats.by_path["/chat/completions"] == n  # nothing was sent twice


def test_validate_exits_0_or_2(tmp_path: pathlib.Path) -> None:
    bad = write_lines(tmp_path / "bad.jsonl", [chat_line("a", "x"), "{oops", chat_line("a", "y")])
    result = subprocess.run([sys.executable, "-m", "gptkit.batch", "validate", str(bad)],
                            capture_output=True, text=True)
    assert result.returncode == 2 and "line 2" in result.stderr and "line 3" in result.stderr
    good = write_chat_input(tmp_path / "good.jsonl", 3)
    result = subprocess.run([sys.executable, "-m", "gptkit.batch", "validate", str(good)],
                            capture_output=True, text=True)
    assert result.returncode == 0 and "3 valid request(s)" in result.stdout


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--shard", "5/4"], "--shard"),
        (["--shard", "two"], "--shard"),
        (["--stop-on", "budget,bogus"], "--stop-on"),
        (["--redis", "redis://127.0.0.1:6379/15"], "give at least one"),
        (["--budget-name", "nightly", "--budget", "1"], "--budget-name"),
        (["--redis", "redis://127.0.0.1:6379/15", "--budget", "1"], "needs --budget-name"),
        (["--rpm", "-5"], "rpm"),
    ],
)
def test_run_usage_errors_exit_2_before_sending(extra: list[str], message: str, tmp_path: pathlib.Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    source = write_chat_input(tmp_path / "in.jsonl", 3)
    out = tmp_path / "out.jsonl"
    code = main(["run", str(source), "-o", str(out), "--base-url", "http://127.0.0.1:9/v1", "--no-api-key",
                 *extra])
    assert code == 2 and message in capsys.readouterr().err
    assert not out.exists()


def test_status_without_a_key_exits_3(tmp_path: pathlib.Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "OPENAI_API_KEY"}
    result = subprocess.run([sys.executable, "-m", "gptkit.batch", "status", "batch_1"], capture_output=True,
                            text=True, env=env)
    assert result.returncode == 3 and "no API key: set OPENAI_API_KEY" in result.stderr
