"""submit / status / fetch through the Batch API endpoints, over MockTransport."""

from __future__ import annotations

import json
import pathlib
import re
from typing import Any

import httpx
import pytest

import gptkit
from gptkit.batch import BatchInputError, BatchJobError, afetch, astatus, asubmit, fetch, run, status, submit
from gptkit.testing import VirtualClock

from .batch_helpers import assert_exactly_once, chat_line, read_records, write_chat_input, write_lines
from .helpers import API_KEY, chat_body


class FakeBatchAPI:
    """Files and batches endpoints: a job answers every line, 400s for prompts containing 'bad'."""

    def __init__(self, *, finish_as: str = "completed", answer: int | None = None) -> None:
        self.files: dict[str, bytes] = {}
        self.batches: dict[str, dict[str, Any]] = {}
        self.finish_as = finish_as
        self.answer = answer  # answer only this many lines (an expired job)
        self.requests: list[httpx.Request] = []

    def _finish(self, batch: dict[str, Any]) -> None:
        outputs, errors = [], []
        lines = [json.loads(line) for line in self.files[batch["input_file_id"]].splitlines() if line.strip()]
        for number, line in enumerate(lines[: self.answer]):
            prompt = line["body"]["messages"][-1]["content"]
            record: dict[str, Any] = {"id": f"batch_req_{number}", "custom_id": line["custom_id"], "error": None}
            if "bad" in prompt:
                record["response"] = {"status_code": 400, "request_id": f"req_{number}",
                                      "body": {"error": {"message": "bad prompt", "type": "invalid_request_error",
                                                         "code": "invalid_value", "param": "messages"}}}
                errors.append(record)
            else:
                record["response"] = {"status_code": 200, "request_id": f"req_{number}",
                                      "body": chat_body("done: " + prompt, prompt=7, completion=2)}
                outputs.append(record)
        for key, records in (("output_file_id", outputs), ("error_file_id", errors)):
            if records:
                file_id = f"file-{len(self.files)}"
                self.files[file_id] = "".join(json.dumps(r, indent=None) + "\n" for r in records).encode()
                batch[key] = file_id
        batch["status"] = self.finish_as
        batch["request_counts"] = {"total": len(lines), "completed": len(outputs), "failed": len(errors)}
        batch["completed_at"] = batch["created_at"] + 60

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        path = request.url.path
        if path == "/v1/files" and request.method == "POST":
            content = re.search(rb"\r\n\r\n(.*?)\r\n--", request.content.split(b'name="file"', 1)[1], re.S)
            assert content is not None
            file_id = f"file-{len(self.files)}"
            self.files[file_id] = content.group(1)
            return httpx.Response(200, json={"id": file_id, "object": "file", "purpose": "batch",
                                             "bytes": len(content.group(1)), "created_at": 1, "filename": "in"})
        if match := re.fullmatch(r"/v1/files/(.+)/content", path):
            return httpx.Response(200, content=self.files[match.group(1)])
        if path == "/v1/batches" and request.method == "POST":
            body = json.loads(request.content)
            batch = {"id": f"batch_{len(self.batches)}", "object": "batch", "status": "validating",
                     "created_at": 1_700_000_000, **body, "polls": 0}
            self.batches[batch["id"]] = batch
            return httpx.Response(200, json=batch)
        if match := re.fullmatch(r"/v1/batches/([^/]+)", path):
            batch = self.batches[match.group(1)]
            batch["polls"] += 1
            if batch["polls"] == 2:
                batch["status"] = "in_progress"
            elif batch["polls"] >= 4 and batch["status"] == "in_progress":
                self._finish(batch)
            return httpx.Response(200, json=batch)
        return httpx.Response(404, json={"error": {"message": f"no route {path}"}})


def _input(tmp_path: pathlib.Path, n: int = 12) -> pathlib.Path:
    return write_lines(tmp_path / "in.jsonl",
                       [chat_line(f"r{i}", f"prompt {i}" + (" bad" if i % 5 == 0 else "")) for i in range(n)])


def _run_flow(kind: str, api: FakeBatchAPI, source: pathlib.Path, out: pathlib.Path) -> Any:
    """submit -> status -> fetch (not ready) -> fetch(wait=True), with the sync or async functions."""
    import asyncio

    transport = httpx.MockTransport(api)
    if kind == "sync":
        client = gptkit.Client(api_key=API_KEY, transport=transport)
        batch_id = submit(source, client=client, metadata={"job": "t"})
        first = status(batch_id, client=client)
        with pytest.raises(BatchJobError, match="in_progress"):
            fetch(batch_id, out, client=client)
        with VirtualClock() as clock:
            summary = fetch(batch_id, out, client=client, wait=True, poll_interval=30)
        client.close()
    else:
        async def flow() -> Any:
            client = gptkit.AsyncClient(api_key=API_KEY, transport=transport)
            batch_id = await asubmit(source, client=client, metadata={"job": "t"})
            first = await astatus(batch_id, client=client)
            with pytest.raises(BatchJobError, match="in_progress"):
                await afetch(batch_id, out, client=client)
            with VirtualClock() as clock:
                summary = await afetch(batch_id, out, client=client, wait=True, poll_interval=30)
            await client.aclose()
            return first, summary, clock

        first, summary, clock = asyncio.run(flow())
    return first, summary, clock


def test_submit_status_fetch_flow(kind: str, tmp_path: pathlib.Path) -> None:
    api = FakeBatchAPI()
    source = _input(tmp_path)
    out, failed = tmp_path / "out.jsonl", tmp_path / "out.failures.jsonl"
    first, summary, clock = _run_flow(kind, api, source, out)
    assert api.files["file-0"] == source.read_bytes()  # the input went up unchanged
    created = json.loads(api.requests[1].content)
    assert created == {"input_file_id": "file-0", "endpoint": "/v1/chat/completions",
                       "completion_window": "24h", "metadata": {"job": "t"}}
    assert first.status == "validating" and clock.sleeps == [30]
    assert summary.succeeded == 9 and summary.failed == 3 and summary.complete and summary.exit_code == 1
    assert summary.total_tokens == 9 * (7 + 2) and summary.extra["batch_id"] == "batch_0"
    assert_exactly_once(12, out, failed)
    results = read_records(out)
    assert results[0]["response"]["body"]["choices"][0]["message"]["content"] == "done: prompt 1"
    failure = read_records(failed)[0]
    assert failure["error"]["class"] == "BadRequestError" and failure["error"]["status"] == 400
    assert failure["error"]["code"] == "invalid_value" and failure["error"]["param"] == "messages"
    assert failure["response"]["body"]["error"]["message"] == "bad prompt"
    # Fetching again appends nothing.
    client = gptkit.Client(api_key=API_KEY, transport=httpx.MockTransport(api))
    again = fetch("batch_0", out, client=client)
    client.close()
    assert again.skipped == 12 and again.succeeded == 0
    assert_exactly_once(12, out, failed)


def test_fetch_of_an_expired_job_then_run_finishes_it(tmp_path: pathlib.Path) -> None:
    api = FakeBatchAPI(finish_as="expired", answer=7)
    source = write_chat_input(tmp_path / "in.jsonl", 12)
    out, failed = tmp_path / "out.jsonl", tmp_path / "out.failures.jsonl"
    client = gptkit.Client(api_key=API_KEY, transport=httpx.MockTransport(api))
    batch_id = submit(source, client=client)
    with VirtualClock():
        summary = fetch(batch_id, out, client=client, wait=True)
    client.close()
    assert summary.stopped == "expired" and summary.succeeded == 7 and summary.not_done == 5
    sent: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(json.loads(request.content)["messages"][0]["content"])
        return httpx.Response(200, json=chat_body("local"))

    finished = run(source, out, client=gptkit.AsyncClient(api_key=API_KEY, transport=httpx.MockTransport(answer)))
    assert finished.skipped == 7 and sorted(sent) == sorted(f"prompt {i}" for i in range(7, 12))
    assert_exactly_once(12, out, failed)


def test_failed_job_and_mixed_urls_are_errors(tmp_path: pathlib.Path) -> None:
    mixed = write_lines(tmp_path / "mixed.jsonl", [
        chat_line("a", "x"),
        {"custom_id": "b", "method": "POST", "url": "/v1/embeddings", "body": {"model": "e", "input": "x"}},
    ])
    api = FakeBatchAPI()
    client = gptkit.Client(api_key=API_KEY, transport=httpx.MockTransport(api))
    with pytest.raises(BatchInputError, match="one url per file"):
        submit(mixed, client=client)
    assert api.requests == []
    api.batches["batch_9"] = {"id": "batch_9", "object": "batch", "status": "failed", "polls": 5,
                              "errors": {"object": "list", "data": [{"code": "invalid", "message": "bad line",
                                                                     "line": 3}]}}
    with pytest.raises(BatchJobError, match="line 3: bad line") as info:
        fetch("batch_9", tmp_path / "out.jsonl", client=client)
    client.close()
    assert info.value.batch.status == "failed"
