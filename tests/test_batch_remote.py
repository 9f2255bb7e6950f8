"""submit / status / fetch through the Batch API of FakeOpenAI: in-process and over a socket."""

from __future__ import annotations

import asyncio
import pathlib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

import gptkit
from gptkit.batch import BatchInputError, BatchJobError, afetch, astatus, asubmit, fetch, run, status, submit
from gptkit.testing import FakeOpenAI, FakeRequest, VirtualClock

from .batch_helpers import assert_exactly_once, chat_line, read_records, write_chat_input, write_lines
from .helpers import API_KEY

BAD = {"error": {"message": "bad prompt", "type": "invalid_request_error", "code": "invalid_value",
                 "param": "messages"}}


def _bad_line(request: FakeRequest) -> bool:
    return request.path == "/chat/completions" and "bad" in str(request.body["messages"][-1]["content"])


def _input(tmp_path: pathlib.Path, n: int = 12) -> pathlib.Path:
    return write_lines(tmp_path / "in.jsonl",
                       [chat_line(f"r{i}", f"prompt {i}" + (" bad" if i % 5 == 0 else "")) for i in range(n)])


@contextmanager
def _where(where: str, fake: FakeOpenAI) -> Iterator[dict[str, Any]]:
    """Client options for the fake in-process (virtual time) or served on 127.0.0.1 (real time)."""
    if where == "in-process":
        with VirtualClock():
            yield {"transport": fake}
    else:
        with fake.serve() as server:
            yield {"base_url": server.base_url}


def _flow(kind: str, options: dict[str, Any], source: pathlib.Path, out: pathlib.Path, poll: float) -> Any:
    """submit -> status -> fetch (not ready) -> fetch(wait=True), with the sync or async functions."""
    if kind == "sync":
        with gptkit.Client(api_key=API_KEY, **options) as client:
            batch_id = submit(source, client=client, metadata={"job": "t"})
            first = status(batch_id, client=client)
            with pytest.raises(BatchJobError, match=r"is (validating|in_progress)"):
                fetch(batch_id, out, client=client)
            return first, fetch(batch_id, out, client=client, wait=True, poll_interval=poll)

    async def flow() -> Any:
        async with gptkit.AsyncClient(api_key=API_KEY, **options) as client:
            batch_id = await asubmit(source, client=client, metadata={"job": "t"})
            first = await astatus(batch_id, client=client)
            with pytest.raises(BatchJobError, match=r"is (validating|in_progress)"):
                await afetch(batch_id, out, client=client)
            return first, await afetch(batch_id, out, client=client, wait=True, poll_interval=poll)

    return asyncio.run(flow())


@pytest.mark.parametrize("where", ["in-process", "socket"])
def test_submit_status_fetch_flow(kind: str, where: str, tmp_path: pathlib.Path) -> None:
    in_process = where == "in-process"
    fake = FakeOpenAI(api_key=API_KEY, batch_time=100 if in_process else 0.6)
    fake.respond(status=400, body=BAD, times=None, when=_bad_line)
    source = _input(tmp_path)
    out, failed = tmp_path / "out.jsonl", tmp_path / "out.failures.jsonl"
    with _where(where, fake) as options:
        first, summary = _flow(kind, options, source, out, poll=30 if in_process else 0.05)
    (uploaded,) = [f for f in fake.files.values() if f.purpose == "batch"]
    assert uploaded.content == source.read_bytes()  # the input went up unchanged
    batch = fake.batches[first.id]
    assert batch.endpoint == "/v1/chat/completions" and batch.metadata == {"job": "t"}
    assert first.status == "validating" and batch.status == "completed"
    assert summary.succeeded == 9 and summary.failed == 3 and summary.complete and summary.exit_code == 1
    assert summary.total_tokens == batch.usage["total"] > 0 and summary.extra["batch_id"] == first.id
    assert_exactly_once(12, out, failed)
    results = read_records(out)
    assert results[0]["response"]["body"]["choices"][0]["message"]["content"] == "Echo: prompt 1"
    failure = read_records(failed)[0]
    assert failure["error"]["class"] == "BadRequestError" and failure["error"]["status"] == 400
    assert failure["error"]["code"] == "invalid_value" and failure["error"]["param"] == "messages"
    assert failure["response"]["body"]["error"]["message"] == "bad prompt"
    # Fetching again appends nothing.
    with gptkit.Client(api_key=API_KEY, transport=fake) as client:
        again = fetch(first.id, out, client=client)
    assert again.skipped == 12 and again.succeeded == 0
    assert_exactly_once(12, out, failed)


@pytest.mark.parametrize("end", ["expired", "cancelled"])
def test_unfinished_job_then_run_sends_exactly_what_it_left(end: str, tmp_path: pathlib.Path) -> None:
    fake = FakeOpenAI(batch_time=100)
    source = write_chat_input(tmp_path / "in.jsonl", 12)
    out, failed = tmp_path / "out.jsonl", tmp_path / "out.failures.jsonl"
    with VirtualClock() as clock, gptkit.Client(api_key=API_KEY, transport=fake) as client:
        batch_id = submit(source, client=client)
        if end == "expired":
            fake.expire_batches(answered=7)
        else:
            clock.advance(50)  # half answered
            client.batches.retrieve(batch_id)
            assert client.batches.cancel(batch_id).status == "cancelling"
        summary = fetch(batch_id, out, client=client, wait=True)
    answered = 7 if end == "expired" else 6
    assert summary.stopped == end and summary.succeeded == answered and summary.not_done == 12 - answered
    assert read_records(failed) == []  # batch_expired / batch_cancelled lines are not failures
    lines_before = fake.stats.by_path["/chat/completions"]
    finished = run(source, out, client=gptkit.AsyncClient(api_key=API_KEY, transport=fake))
    assert finished.skipped == answered and finished.succeeded == 12 - answered
    assert fake.stats.by_path["/chat/completions"] - lines_before == 12 - answered
    assert_exactly_once(12, out, failed)


def test_failed_job_and_mixed_urls_are_errors(tmp_path: pathlib.Path) -> None:
    mixed = write_lines(tmp_path / "mixed.jsonl", [
        chat_line("a", "x"),
        {"custom_id": "b", "method": "POST", "url": "/v1/embeddings", "body": {"model": "e", "input": "x"}},
    ])
    fake = FakeOpenAI(batch_time=0)
    with gptkit.Client(api_key=API_KEY, transport=fake) as client:
        with pytest.raises(BatchInputError, match="one url per file"):
            submit(mixed, client=client)
        assert fake.stats.requests == 0  # refused before any upload
        # A file the provider rejects (submit would have refused it): the job fails validation.
        uploaded = client.files.create(file=b'{"custom_id": "a"}\n{oops\n', purpose="batch")
        batch = client.batches.create(input_file_id=uploaded.id, endpoint="/v1/chat/completions")
        with pytest.raises(BatchJobError, match="line 2: This line is not valid JSON") as info:
            fetch(batch.id, tmp_path / "out.jsonl", client=client)
    assert info.value.batch.status == "failed"



@pytest.mark.parametrize("roles", ["input is results", "results are failures", "failures are input"])
def test_one_file_in_two_roles_is_refused_before_anything_is_sent(tmp_path: pathlib.Path, roles: str) -> None:
    from gptkit.batch import BatchFileError

    source = write_chat_input(tmp_path / "in.jsonl", 1)
    before = source.read_bytes()
    other = tmp_path / "o.jsonl"
    output, failures = {"input is results": (source, None), "results are failures": (other, other),
                        "failures are input": (other, source)}[roles]
    fake = FakeOpenAI()
    with pytest.raises(BatchFileError, match="is also the"):
        run(source, output, client=gptkit.AsyncClient(api_key=API_KEY, transport=fake), failures_path=failures,
            handle_signals=False)
    assert fake.stats.requests == 0 and source.read_bytes() == before
    if roles == "results are failures":
        with pytest.raises(BatchFileError, match="the failures file is also the results file"):
            fetch("batch_x", output, failures_path=failures, client=fake.client())
        assert fake.stats.requests == 0 and not other.exists()


def test_result_files_with_blank_lines_are_read_record_by_record() -> None:
    # files.content().iter_lines() yields blank lines too (as the official one does): skipped here.
    from gptkit.batch._remote import _record_lines
    from gptkit.types.file_list import BinaryContent

    content = BinaryContent(b'{"custom_id": "a"}\n\n{"custom_id": "b"}\r\n \n')
    assert [record["custom_id"] for record in _record_lines(content)] == ["a", "b"]
