"""FakeOpenAI's Files and Batch API endpoints, through gptkit's clients (the transport seam)."""

from __future__ import annotations

import json
import pathlib
from collections import Counter
from typing import Any

import httpx
import pytest

import gptkit
from gptkit.testing import FakeOpenAI, Fault, VirtualClock

from .batch_helpers import chat_line, write_lines
from .helpers import API_KEY, close, invoke

CHAT = "/chat/completions"


def _client(kind: str, fake: FakeOpenAI, **options: Any) -> Any:
    options.setdefault("retry", gptkit.RetryPolicy(zero_waits=True, max_attempts=1))
    return fake.client(api_key=API_KEY, **options) if kind == "sync" else fake.async_client(
        api_key=API_KEY, **options)


def _lines(content: bytes) -> list[dict[str, Any]]:
    return [json.loads(line) for line in content.splitlines() if line.strip()]


def _input(tmp_path: pathlib.Path, n: int = 8, **extra: Any) -> pathlib.Path:
    return write_lines(tmp_path / "in.jsonl", [chat_line(f"r{i}", f"prompt {i}", **extra) for i in range(n)])


async def test_files_upload_list_retrieve_content_delete(kind: str, tmp_path: pathlib.Path) -> None:
    fake = FakeOpenAI()
    client = _client(kind, fake)
    source = _input(tmp_path)
    first = await invoke(client, "files.create", file=source, purpose="batch")
    second = await invoke(client, "files.create", file=("notes.txt", b"hello"), purpose="user_data")
    assert first.filename == "in.jsonl" and first.bytes == source.stat().st_size and first.purpose == "batch"
    assert fake.files[first.id].content == source.read_bytes()  # the multipart body arrived whole
    newest = await invoke(client, "files.list")
    assert [f.id for f in newest.data] == [second.id, first.id] and not newest.has_more
    oldest = await invoke(client, "files.list", order="asc", limit=1)
    assert [f.id for f in oldest.data] == [first.id] and oldest.has_more and oldest.last_id == first.id
    after = await invoke(client, "files.list", order="asc", after=first.id)
    assert [f.id for f in after.data] == [second.id]
    assert [f.id for f in (await invoke(client, "files.list", purpose="batch")).data] == [first.id]
    got = await invoke(client, "files.retrieve", first.id)
    assert got.model_dump() == first.model_dump()
    content = await invoke(client, "files.content", second.id)
    assert content.content == b"hello" and content.request_id.startswith("req_")
    deleted = await invoke(client, "files.delete", first.id)
    assert deleted.deleted and deleted.id == first.id and first.id not in fake.files
    with pytest.raises(gptkit.NotFoundError, match="No such File object"):
        await invoke(client, "files.content", first.id)
    with pytest.raises(gptkit.BadRequestError) as info:
        await invoke(client, "files.create", file=b"x", purpose="bogus")
    assert info.value.param == "purpose"
    await close(client)


def test_upload_must_be_multipart() -> None:
    fake = FakeOpenAI()
    with httpx.Client(transport=fake, base_url="http://fake/v1") as raw:
        response = raw.post("/files", json={"purpose": "batch"})
    assert response.status_code == 400 and "multipart" in response.json()["error"]["message"]


async def test_batch_moves_through_its_statuses_as_the_clock_advances(kind: str, tmp_path: pathlib.Path) -> None:
    fake = FakeOpenAI(batch_time=100)
    client = _client(kind, fake)
    with VirtualClock() as clock:
        uploaded = await invoke(client, "files.create", file=_input(tmp_path), purpose="batch")
        created = await invoke(client, "batches.create", input_file_id=uploaded.id,
                               endpoint="/v1/chat/completions", metadata={"job": "t"})
        seen = [(created.status, created.request_counts.completed)]
        for _ in range(10):
            clock.advance(10)
            batch = await invoke(client, "batches.retrieve", created.id)
            seen.append((batch.status, batch.request_counts.completed))
    await close(client)
    statuses = [status for status, _ in seen]
    assert statuses == ["validating"] * 3 + ["in_progress"] * 5 + ["finalizing"] * 2 + ["completed"]
    counts = [done for status, done in seen if status == "in_progress"]
    assert counts == sorted(counts) and 0 < counts[1] < 8  # lines are answered as time passes
    assert batch.request_counts.model_dump() == {"total": 8, "completed": 8, "failed": 0}
    assert batch.metadata == {"job": "t"} and batch.model == "gpt-4o-mini" and batch.error_file_id is None
    assert batch.created_at <= batch.in_progress_at <= batch.finalizing_at <= batch.completed_at
    assert batch.expires_at == batch.created_at + 24 * 3600
    output = fake.files[batch.output_file_id]
    assert output.purpose == "batch_output" and output.filename == f"{batch.id}_output.jsonl"
    records = _lines(output.content)
    assert [r["custom_id"] for r in records] == [f"r{i}" for i in range(8)]
    for i, record in enumerate(records):
        assert record["id"].startswith("batch_req_") and record["error"] is None
        assert record["response"]["status_code"] == 200 and record["response"]["request_id"].startswith("req_")
        assert record["response"]["body"]["choices"][0]["message"]["content"] == f"Echo: prompt {i}"
    usage = batch.usage
    assert usage is not None
    assert usage.input_tokens == sum(r["response"]["body"]["usage"]["prompt_tokens"] for r in records)
    assert usage.total_tokens == usage.input_tokens + usage.output_tokens > 0


async def test_faults_and_scripted_answers_apply_to_batch_lines(kind: str, tmp_path: pathlib.Path) -> None:
    fake = FakeOpenAI(rpm=1, batch_time=None)  # lines are not charged to the RPM limit
    client = _client(kind, fake)
    mine = fake.inject(Fault.server_error(503), when=lambda r: b"prompt 1\"" in r.content, path=CHAT)
    fake.inject(Fault.reset(), when=lambda r: b"prompt 2\"" in r.content, path=CHAT)
    fake.inject(Fault.malformed_json(), when=lambda r: b"prompt 3\"" in r.content, path=CHAT)
    fake.respond(status=400, body={"error": {"message": "bad prompt", "type": "invalid_request_error",
                                             "code": "invalid_value", "param": "messages"}},
                 when=lambda r: b"prompt 4\"" in r.content, path=CHAT)
    uploaded = await invoke(client, "files.create", file=_input(tmp_path), purpose="batch")
    created = await invoke(client, "batches.create", input_file_id=uploaded.id, endpoint="/v1/chat/completions")
    assert fake.complete_batches() == [created.id]
    batch = await invoke(client, "batches.retrieve", created.id)
    await close(client)
    assert batch.status == "completed" and mine.fired == 1 and fake.stats.rate_limited == 0
    assert batch.request_counts.model_dump() == {"total": 8, "completed": 4, "failed": 4}
    outputs = _lines(fake.files[batch.output_file_id].content)
    errors = {r["custom_id"]: r for r in _lines(fake.files[batch.error_file_id].content)}
    assert Counter(r["custom_id"] for r in outputs) + Counter(list(errors)) == Counter(f"r{i}" for i in range(8))
    assert errors["r1"]["response"]["status_code"] == 503 and errors["r1"]["error"] is None
    assert errors["r2"]["response"] is None and errors["r2"]["error"]["code"] == "server_error"
    assert errors["r3"]["error"]["message"] == "The model's answer was not valid JSON."
    assert errors["r4"]["response"]["body"]["error"]["code"] == "invalid_value"
    lines = [r for r in fake.requests if r.path == "/chat/completions"]
    assert len(lines) == 8 and all(r.headers["x-fake-batch-id"] == batch.id for r in lines)


async def test_invalid_input_fails_the_batch_with_line_errors(kind: str, tmp_path: pathlib.Path) -> None:
    fake = FakeOpenAI(batch_time=0)
    client = _client(kind, fake)
    source = write_lines(tmp_path / "bad.jsonl", [
        chat_line("a", "x"), "{oops", chat_line("a", "y"),
        {**chat_line("b", "z"), "url": "/v1/embeddings"},
    ])
    uploaded = await invoke(client, "files.create", file=source, purpose="batch")
    created = await invoke(client, "batches.create", input_file_id=uploaded.id, endpoint="/v1/chat/completions")
    batch = await invoke(client, "batches.retrieve", created.id)
    await close(client)
    assert batch.status == "failed" and batch.failed_at is not None and batch.output_file_id is None
    assert batch.errors is not None
    assert [(e.line, e.code) for e in batch.errors.data] == [
        (2, "invalid_json_line"), (3, "duplicate_custom_id"), (4, "mismatched_endpoint")]
    assert fake.stats.by_path["/chat/completions"] == 0  # nothing was answered


async def test_create_and_cancel_errors(kind: str, tmp_path: pathlib.Path) -> None:
    fake = FakeOpenAI(batch_time=None)
    client = _client(kind, fake)
    text = await invoke(client, "files.create", file=b"{}", purpose="user_data")
    with pytest.raises(gptkit.NotFoundError):
        await invoke(client, "batches.create", input_file_id="file-nope", endpoint="/v1/chat/completions")
    with pytest.raises(gptkit.BadRequestError, match="purpose 'batch'"):
        await invoke(client, "batches.create", input_file_id=text.id, endpoint="/v1/chat/completions")
    uploaded = await invoke(client, "files.create", file=_input(tmp_path), purpose="batch")
    with pytest.raises(gptkit.BadRequestError) as info:
        await invoke(client, "batches.create", input_file_id=uploaded.id, endpoint="/v1/moderations")
    assert info.value.param == "endpoint"
    created = await invoke(client, "batches.create", input_file_id=uploaded.id, endpoint="/v1/chat/completions")
    fake.complete_batches()
    with pytest.raises(gptkit.BadRequestError, match="status 'completed'"):
        await invoke(client, "batches.cancel", created.id)
    with pytest.raises(gptkit.NotFoundError):
        await invoke(client, "batches.retrieve", "batch_nope")
    await close(client)


async def test_cancel_and_expire_leave_unrun_lines_in_the_error_file(kind: str, tmp_path: pathlib.Path) -> None:
    fake = FakeOpenAI(batch_time=100)
    client = _client(kind, fake)
    with VirtualClock() as clock:
        uploaded = await invoke(client, "files.create", file=_input(tmp_path), purpose="batch")
        first = await invoke(client, "batches.create", input_file_id=uploaded.id, endpoint="/v1/chat/completions")
        clock.advance(50)  # half way through answering: 4 of 8
        cancelling = await invoke(client, "batches.cancel", first.id)
        cancelled = await invoke(client, "batches.retrieve", first.id)
        second = await invoke(client, "batches.create", input_file_id=uploaded.id, endpoint="/v1/chat/completions")
        assert fake.expire_batches(answered=3) == [second.id]
        expired = await invoke(client, "batches.retrieve", second.id)
        page = await invoke(client, "batches.list", limit=1)
    await close(client)
    assert cancelling.status == "cancelling" and cancelled.status == "cancelled"
    assert cancelled.cancelling_at is not None and cancelled.cancelled_at is not None
    assert cancelled.request_counts.model_dump() == {"total": 8, "completed": 4, "failed": 4}
    unrun = _lines(fake.files[cancelled.error_file_id].content)
    assert [(r["custom_id"], r["error"]["code"]) for r in unrun] == [(f"r{i}", "batch_cancelled") for i in range(4, 8)]
    assert expired.status == "expired" and expired.request_counts.completed == 3
    codes = {r["error"]["code"] for r in _lines(fake.files[expired.error_file_id].content)}
    assert codes == {"batch_expired"}
    assert [b.id for b in page.data] == [second.id] and page.has_more


def test_batch_lines_use_the_creators_key() -> None:
    fake = FakeOpenAI(api_key=API_KEY, batch_time=0)
    with fake.client(api_key=API_KEY) as client:
        uploaded = client.files.create(file=json.dumps(chat_line("a", "hi")).encode(), purpose="batch")
        batch = client.batches.create(input_file_id=uploaded.id, endpoint="/v1/chat/completions")
        done = client.batches.retrieve(batch.id)
    assert done.status == "completed" and done.request_counts is not None and done.request_counts.completed == 1
    assert API_KEY not in repr(fake.batches[batch.id])


def test_command_line_server_runs_batches(tmp_path: pathlib.Path) -> None:
    import subprocess
    import sys

    server = subprocess.Popen([sys.executable, "-m", "gptkit.testing.fake_server", "--port", "0",
                               "--batch-time", "0"], stdout=subprocess.PIPE, text=True)
    try:
        assert server.stdout is not None
        base_url = server.stdout.readline().split()[-1]
        with gptkit.Client(api_key=API_KEY, base_url=base_url) as client:
            uploaded = client.files.create(file=_input(tmp_path, 3), purpose="batch")
            batch = client.batches.create(input_file_id=uploaded.id, endpoint="/v1/chat/completions")
            done = client.batches.retrieve(batch.id)
            assert done.status == "completed" and done.output_file_id is not None
            records = _lines(client.files.content(done.output_file_id).content)
    finally:
        server.kill()
        server.wait()
    assert [r["custom_id"] for r in records] == ["r0", "r1", "r2"]
