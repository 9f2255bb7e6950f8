"""``python -m gptkit.batch`` in a subprocess against a server on 127.0.0.1: kill -9, Ctrl-C, resume."""

from __future__ import annotations

import os
import pathlib
import signal
import subprocess
import sys
import time
from collections.abc import Iterator

import pytest

from .batch_helpers import assert_exactly_once, chat_line, read_records, write_chat_input, write_lines

ROOT = pathlib.Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def server_url() -> Iterator[str]:
    process = subprocess.Popen([sys.executable, str(ROOT / "tests" / "batch_server.py"), "--delay", "0.01"],
                               stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    port = process.stdout.readline().split()[1]
    yield f"http://127.0.0.1:{port}/v1"
    process.kill()
    process.wait()


def _command(source: pathlib.Path, out: pathlib.Path, url: str, *extra: str) -> list[str]:
    return [sys.executable, "-m", "gptkit.batch", "run", str(source), "-o", str(out), "--base-url", url,
            "--no-api-key", "--max-retries", "3", "-c", "8", "--progress-interval", "0.2", *extra]


def _fault(i: int) -> str | None:
    if i % 40 == 7:
        return "fail=400:*"
    return {1: "429=1", 2: "fail=503:1"}.get(i % 20)


def _wait_for_lines(path: pathlib.Path, count: int, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if path.exists() and path.read_bytes().count(b"\n") >= count:
            return
        assert process.poll() is None, "the run ended before it could be interrupted"
        time.sleep(0.01)
    raise AssertionError(f"{path} never reached {count} lines")


def test_kill_9_in_the_middle_then_resume(server_url: str, tmp_path: pathlib.Path) -> None:
    n = 600
    source = write_chat_input(tmp_path / "in.jsonl", n, _fault)
    out, failed = tmp_path / "out.jsonl", tmp_path / "out.failures.jsonl"
    process = subprocess.Popen(_command(source, out, server_url), stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    _wait_for_lines(out, 150, process)
    process.send_signal(signal.SIGKILL)
    process.communicate()
    assert process.returncode == -signal.SIGKILL
    recorded = len(read_records(out)) + len(read_records(failed))
    assert 150 <= recorded < n
    with open(out, "ab") as handle:  # what a crash in the middle of a write leaves behind
        handle.write(b'{"id":"batch_req_x","custom_id":"r59')
    resumed = subprocess.run(_command(source, out, server_url, "--json"), capture_output=True, text=True,
                             timeout=120)
    assert resumed.returncode == 1, resumed.stderr  # complete, with the injected 400s as failures
    assert '"complete": true' in resumed.stdout and f'"skipped": {recorded}' in resumed.stdout
    assert_exactly_once(n, out, failed)
    assert {r["custom_id"] for r in read_records(failed)} == {f"r{i}" for i in range(n) if i % 40 == 7}
    assert all(r["error"]["class"] == "BadRequestError" for r in read_records(failed))
    assert "/600" in resumed.stderr  # plain progress lines, since stderr is not a terminal


def test_ctrl_c_stops_gracefully_then_resume(server_url: str, tmp_path: pathlib.Path) -> None:
    n = 400
    source = write_chat_input(tmp_path / "in.jsonl", n)
    out, failed = tmp_path / "out.jsonl", tmp_path / "out.failures.jsonl"
    process = subprocess.Popen(_command(source, out, server_url), stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    _wait_for_lines(out, 60, process)
    process.send_signal(signal.SIGINT)
    stdout, stderr = process.communicate(timeout=30)
    assert process.returncode == 3, stderr
    assert "interrupted (SIGINT)" in stdout and "Traceback" not in stderr
    assert out.read_bytes().endswith(b"\n")  # stopped between records
    done = len(read_records(out))
    assert 60 <= done < n
    resumed = subprocess.run(_command(source, out, server_url), capture_output=True, text=True, timeout=120)
    assert resumed.returncode == 0, resumed.stderr
    assert_exactly_once(n, out, failed)


def test_validate_and_usage_errors_exit_2(tmp_path: pathlib.Path) -> None:
    bad = write_lines(tmp_path / "bad.jsonl", [chat_line("a", "x"), "{oops", chat_line("a", "y")])
    result = subprocess.run([sys.executable, "-m", "gptkit.batch", "validate", str(bad)],
                            capture_output=True, text=True)
    assert result.returncode == 2 and "line 2" in result.stderr and "line 3" in result.stderr
    good = write_chat_input(tmp_path / "good.jsonl", 3)
    result = subprocess.run([sys.executable, "-m", "gptkit.batch", "validate", str(good)],
                            capture_output=True, text=True)
    assert result.returncode == 0 and "3 valid request(s)" in result.stdout
    result = subprocess.run(_command(good, tmp_path / "o.jsonl", "http://127.0.0.1:9/v1", "--rpm", "60"),
                            capture_output=True, text=True)
    assert "gptkit.RateLimit" not in result.stderr  # the option reaches the client (the dead port fails the run)
    assert result.returncode != 0
    env = {k: v for k, v in os.environ.items() if k != "OPENAI_API_KEY"}
    result = subprocess.run([sys.executable, "-m", "gptkit.batch", "status", "batch_1"], capture_output=True,
                            text=True, env=env)
    assert result.returncode == 2 and "API key" in result.stderr
