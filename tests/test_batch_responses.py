"""Batch jobs with ``/v1/responses`` lines: the batch runner (in-process and ``kill -9`` in a
subprocess) and the provider's Batch API (``submit`` / ``fetch`` through FakeOpenAI)."""

from __future__ import annotations

import pathlib
import signal
import subprocess
import sys
from decimal import Decimal
from typing import Any

import pytest

import gptkit
from gptkit.batch import BatchInputError, fetch, run, submit, validate_input
from gptkit.testing import FakeOpenAI, FakeRequest, VirtualClock

from .batch_helpers import assert_exactly_once, chat_line, read_records, read_settled_records, write_lines
from .helpers import API_KEY

FAST = gptkit.RetryPolicy(zero_waits=True, max_attempts=4)


def responses_line(custom_id: str, text: str, *, model: str = "gpt-4o-mini", **body: Any) -> dict[str, Any]:
    """A Batch API line for the Responses API, as the official docs write it."""
    return {"custom_id": custom_id, "method": "POST", "url": "/v1/responses",
            "body": {"model": model, "input": text, **body}}


def _mixed(path: pathlib.Path, n: int) -> pathlib.Path:
    """``r0..r{n-1}``: even ones Responses lines, odd ones chat lines."""
    return write_lines(path, [responses_line(f"r{i}", f"prompt {i}", instructions="Be brief.", max_output_tokens=64)
                              if i % 2 == 0 else chat_line(f"r{i}", f"prompt {i}") for i in range(n)])


def _client(**options: Any) -> gptkit.AsyncClient:
    options.setdefault("retry", FAST)
    return gptkit.AsyncClient(api_key=API_KEY, **options)


def test_mixed_chat_and_responses_lines_write_provider_bodies_with_tokens_and_cost(tmp_path: pathlib.Path) -> None:
    n = 20
    source = _mixed(tmp_path / "in.jsonl", n)
    out, failed = tmp_path / "out.jsonl", tmp_path / "out.failures.jsonl"
    fake = FakeOpenAI()
    client = _client(transport=fake)
    summary = run(source, out, client=client, concurrency=4)
    assert summary.succeeded == n and summary.complete and summary.exit_code == 0
    assert_exactly_once(n, out, failed)
    records = {r["custom_id"]: r for r in read_records(out)}
    body = records["r4"]["response"]["body"]
    assert records["r4"]["response"]["status_code"] == 200
    assert body["object"] == "response" and body["status"] == "completed" and body["instructions"] == "Be brief."
    assert body["output"][0]["content"][0]["text"] == "Echo: prompt 4"
    assert records["r5"]["response"]["body"]["object"] == "chat.completion"
    sent = [r.body for r in fake.requests if r.path == "/responses"]
    assert len(sent) == n // 2 and all(b["max_output_tokens"] == 64 for b in sent)
    # Tokens of both APIs (input/output for Responses) and the cost of every line.
    expected_in = sum(r["response"]["body"]["usage"].get("input_tokens", 0) + r["response"]["body"]["usage"].get(
        "prompt_tokens", 0) for r in records.values())
    assert summary.prompt_tokens == expected_in > 0
    assert summary.completion_tokens > 0 and summary.total_tokens == fake.stats.prompt_tokens + fake.stats.completion_tokens
    assert summary.cost is not None and summary.cost == client.ledger.total_cost > 0


def test_a_budget_stops_a_responses_job_and_resume_finishes_it(tmp_path: pathlib.Path) -> None:
    n = 30
    source = write_lines(tmp_path / "in.jsonl", [responses_line(f"r{i}", f"prompt {i}", model="gpt-4o",
                                                                max_output_tokens=1000) for i in range(n)])
    out, failed = tmp_path / "out.jsonl", tmp_path / "out.failures.jsonl"
    fake = FakeOpenAI()
    # Each line's worst case is 1000 output tokens of gpt-4o ($0.01) and it costs about $0.0001:
    # the budget lets a few lines run, then the next worst case no longer fits.
    small = _client(transport=fake, budget=gptkit.Budget(usd="0.011"))
    summary = run(source, out, client=small, concurrency=1)
    assert summary.stopped is not None and summary.stopped.startswith("BudgetExceededError")
    assert 0 < summary.succeeded < n and summary.not_done == n - summary.succeeded and summary.exit_code == 8
    assert small.ledger.total_cost == summary.cost and small.ledger.total_cost <= Decimal("0.011")
    resumed = run(source, out, client=_client(transport=fake), concurrency=4)
    assert resumed.skipped == summary.succeeded and resumed.succeeded == n - summary.succeeded and resumed.complete
    assert_exactly_once(n, out, failed)


@pytest.mark.parametrize(("body", "says"), [
    ({"model": "gpt-4o", "input": "x", "background": True}, "background"),
    ({"model": "gpt-4o", "input": "x", "stream": True}, "stream"),
    ({"model": "gpt-4o", "input": [{"role": "user", "content": [{"type": "input_text"}]}]}, "input.0.content.0.text"),
])
def test_bad_responses_lines_are_refused_before_anything_is_sent(body: dict[str, Any], says: str,
                                                                  tmp_path: pathlib.Path) -> None:
    source = write_lines(tmp_path / "in.jsonl", [
        {"custom_id": "a", "method": "POST", "url": "/v1/responses", "body": body}])
    with pytest.raises(BatchInputError, match=says):
        validate_input(str(source))


def test_the_provider_batch_api_runs_responses_lines(tmp_path: pathlib.Path) -> None:
    n = 8
    source = write_lines(tmp_path / "in.jsonl", [responses_line(f"r{i}", f"prompt {i}" + (" bad" if i == 3 else ""))
                                                 for i in range(n)])
    out, failed = tmp_path / "out.jsonl", tmp_path / "out.failures.jsonl"
    fake = FakeOpenAI(api_key=API_KEY, batch_time=100)
    bad = {"error": {"message": "bad prompt", "type": "invalid_request_error", "code": "invalid_value",
                     "param": "input"}}

    def is_bad(request: FakeRequest) -> bool:
        return request.path == "/responses" and "bad" in str(request.body.get("input"))

    fake.respond(status=400, body=bad, times=None, when=is_bad)
    with VirtualClock(), gptkit.Client(api_key=API_KEY, transport=fake) as client:
        batch_id = submit(source, client=client)
        summary = fetch(batch_id, out, client=client, wait=True, poll_interval=30)
    batch = fake.batches[batch_id]
    assert batch.endpoint == "/v1/responses" and batch.status == "completed"
    assert summary.succeeded == n - 1 and summary.failed == 1 and summary.complete
    assert_exactly_once(n, out, failed)
    body = {r["custom_id"]: r for r in read_records(out)}["r2"]["response"]["body"]
    assert body["object"] == "response" and body["output"][0]["content"][0]["text"] == "Echo: prompt 2"
    assert summary.prompt_tokens == batch.usage["input"] > 0 and summary.completion_tokens == batch.usage["output"] > 0
    assert summary.total_tokens == batch.usage["total"]
    (failure,) = read_records(failed)
    assert failure["custom_id"] == "r3" and failure["error"]["class"] == "BadRequestError"


def _command(source: pathlib.Path, out: pathlib.Path, url: str, *extra: str) -> list[str]:
    return [sys.executable, "-m", "gptkit.batch", "run", str(source), "-o", str(out), "--base-url", url,
            "--no-api-key", "--max-retries", "3", "-c", "8", "--progress-interval", "0.2", *extra]


@pytest.mark.slow
def test_kill_9_in_the_middle_of_a_mixed_job_then_resume(tmp_path: pathlib.Path) -> None:
    import time

    n = 400
    source = _mixed(tmp_path / "in.jsonl", n)
    out, failed = tmp_path / "out.jsonl", tmp_path / "out.failures.jsonl"
    fake = FakeOpenAI(latency=0.04)  # the run takes about 2 s: time to see 100 lines and kill it
    with fake.serve() as server:
        process = subprocess.Popen(_command(source, out, server.base_url), stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 60
        while not (out.exists() and out.read_bytes().count(b"\n") >= 100):
            assert process.poll() is None, "the run ended before it could be interrupted"
            assert time.monotonic() < deadline, "the run never reached 100 lines"
            time.sleep(0.01)
        process.send_signal(signal.SIGKILL)
        process.communicate()
        assert process.returncode == -signal.SIGKILL
        recorded = len(read_settled_records(out)) + len(read_settled_records(failed))
        assert 100 <= recorded < n
        resumed = subprocess.run(_command(source, out, server.base_url, "--json"), capture_output=True,
                                 text=True, timeout=120)
    assert resumed.returncode == 0, resumed.stderr
    assert '"complete": true' in resumed.stdout and f'"skipped": {recorded}' in resumed.stdout
    assert_exactly_once(n, out, failed)
    kinds = {r["custom_id"]: r["response"]["body"]["object"] for r in read_records(out)}
    assert kinds == {f"r{i}": "response" if i % 2 == 0 else "chat.completion" for i in range(n)}
    # Only requests in flight at the kill were sent again: at most the 8 workers' worth.
    first_attempts = [r for r in fake.requests if r.attempt == 1 and r.path in ("/responses", "/chat/completions")]
    assert len(first_attempts) - n <= 8
