"""``client.fine_tuning.jobs``: create, retrieve, list (paged), cancel, pause, resume, events and
checkpoints over the transport seam, sync and async, against the fake's jobs."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

import gptkit
from gptkit.pagination import AsyncCursorPage, SyncCursorPage
from gptkit.testing import FakeOpenAI, VirtualClock
from gptkit.types.fine_tuning import FineTuningJob, FineTuningJobEvent
from gptkit.types.fine_tuning.jobs import FineTuningJobCheckpoint
from tests.helpers import Recorder, close, invoke, make_client

LINES = b"".join(json.dumps({"messages": [{"role": "user", "content": f"q{i}"},
                                          {"role": "assistant", "content": f"a{i}"}]}).encode() + b"\n"
                 for i in range(4))


def _client(kind: str, fake: FakeOpenAI, **options: Any) -> Any:
    return fake.client(**options) if kind == "sync" else fake.async_client(**options)


async def _items(pages: Any) -> list[Any]:
    if isinstance(pages, SyncCursorPage):
        return list(pages)
    return [item async for item in pages]


async def test_a_job_runs_to_a_fine_tuned_model(kind: str) -> None:
    fake = FakeOpenAI()
    with VirtualClock() as clock:
        client = _client(kind, fake)
        training = await invoke(client, "files.create", file=("train.jsonl", LINES), purpose="fine-tune")
        job = await invoke(client, "fine_tuning.jobs.create", model="gpt-4o-mini-2024-07-18",
                           training_file=training.id, suffix="support", seed=7,
                           hyperparameters={"n_epochs": 3}, metadata={"team": "support"})
        assert isinstance(job, FineTuningJob) and job.status == "validating_files" and not job.is_done
        clock.advance(0.5)
        running = await invoke(client, "fine_tuning.jobs.retrieve", job.id)
        clock.advance(1.0)
        done = await invoke(client, "fine_tuning.jobs.retrieve", job.id)
        events = await _items(client.fine_tuning.jobs.list_events(job.id, limit=2))
        checkpoints = await _items(client.fine_tuning.jobs.checkpoints.list(job.id))
        await close(client)
    assert running.status == "running"
    assert done.status == "succeeded" and done.is_done and done.fine_tuned_model.startswith("ft:gpt-4o-mini")
    assert done.trained_tokens and done.result_files and done.hyperparameters.n_epochs == 3
    assert all(isinstance(e, FineTuningJobEvent) for e in events) and len(events) >= 5  # several pages
    assert events[0].message == "The job has successfully completed"
    assert [type(c) for c in checkpoints] == [FineTuningJobCheckpoint] * 3
    assert checkpoints[0].fine_tuned_model_checkpoint == done.fine_tuned_model
    sent = fake.requests[1]
    assert (sent.method, sent.path) == ("POST", "/fine_tuning/jobs")
    assert sent.body == {"model": "gpt-4o-mini-2024-07-18", "training_file": training.id, "suffix": "support",
                         "seed": 7, "hyperparameters": {"n_epochs": 3}, "metadata": {"team": "support"}}
    events_queries = [r.query for r in fake.requests if r.path.endswith("/events")]
    assert events_queries[0] == {"limit": "2"} and events_queries[1]["after"].startswith("ftevent-")


async def test_list_pages_and_filters_by_metadata(kind: str) -> None:
    fake = FakeOpenAI()
    client = _client(kind, fake)
    training = await invoke(client, "files.create", file=("t.jsonl", LINES), purpose="fine-tune")
    ids = [(await invoke(client, "fine_tuning.jobs.create", model="gpt-4o-mini", training_file=training.id,
                         metadata={"n": str(i % 2)})).id for i in range(5)]
    first = client.fine_tuning.jobs.list(limit=2)
    if kind == "async":
        first = await first
    everything = await _items(client.fine_tuning.jobs.list(limit=2))
    odd = await _items(client.fine_tuning.jobs.list(metadata={"n": "1"}))
    await close(client)
    assert isinstance(first, (SyncCursorPage, AsyncCursorPage)) and len(first.data) == 2 and first.has_more
    assert [job.id for job in everything] == list(reversed(ids))
    assert [job.id for job in odd] == [ids[3], ids[1]]
    assert {"metadata[n]": "1"}.items() <= fake.requests[-1].query.items()


async def test_cancel_pause_and_resume(kind: str) -> None:
    fake = FakeOpenAI()
    with VirtualClock() as clock:
        client = _client(kind, fake)
        training = await invoke(client, "files.create", file=("t.jsonl", LINES), purpose="fine-tune")
        one = await invoke(client, "fine_tuning.jobs.create", model="gpt-4o-mini", training_file=training.id)
        two = await invoke(client, "fine_tuning.jobs.create", model="gpt-4o-mini", training_file=training.id)
        clock.advance(0.3)
        paused = await invoke(client, "fine_tuning.jobs.pause", one.id)
        cancelled = await invoke(client, "fine_tuning.jobs.cancel", two.id)
        clock.advance(5)
        still = await invoke(client, "fine_tuning.jobs.retrieve", one.id)
        resumed = await invoke(client, "fine_tuning.jobs.resume", one.id)
        with pytest.raises(gptkit.BadRequestError):
            await invoke(client, "fine_tuning.jobs.cancel", two.id)
        clock.advance(0.6)  # 0.9 s of running: the paused 5 s do not count
        not_yet = await invoke(client, "fine_tuning.jobs.retrieve", one.id)
        clock.advance(0.2)
        finished = await invoke(client, "fine_tuning.jobs.retrieve", one.id)
        with pytest.raises(gptkit.NotFoundError):
            await invoke(client, "fine_tuning.jobs.retrieve", "ftjob-missing")
        await close(client)
    assert paused.status == "paused" and still.status == "paused" and resumed.status == "running"
    assert cancelled.status == "cancelled" and cancelled.is_done
    assert not_yet.status == "running" and finished.status == "succeeded"
    assert [r.path for r in fake.requests if r.method == "POST"][-4:] == [
        f"/fine_tuning/jobs/{one.id}/pause", f"/fine_tuning/jobs/{two.id}/cancel",
        f"/fine_tuning/jobs/{one.id}/resume", f"/fine_tuning/jobs/{two.id}/cancel"]


async def test_parameters_are_checked_before_sending(kind: str) -> None:
    recorder = Recorder()
    client = make_client(kind, recorder)
    cases: list[tuple[str, tuple[Any, ...], dict[str, Any], str]] = [
        ("fine_tuning.jobs.create", (), {"model": "m", "training_file": ""}, "training_file"),
        ("fine_tuning.jobs.create", (), {"model": "m", "training_file": "f", "hyperparameters": {"n_epochs": 0}},
         "hyperparameters.n_epochs"),
        ("fine_tuning.jobs.create", (), {"model": "m", "training_file": "f", "suffix": "x" * 65}, "suffix"),
        ("fine_tuning.jobs.create", (), {"model": "m", "training_file": "f", "method": {"type": "magic"}},
         "method.type"),
        ("fine_tuning.jobs.retrieve", ("",), {}, "fine_tuning_job_id"),
        ("fine_tuning.jobs.cancel", (None,), {}, "fine_tuning_job_id"),
        ("fine_tuning.jobs.list_events", ("ftjob-1",), {"limit": 0}, "limit"),
        ("fine_tuning.jobs.checkpoints.list", ("ftjob-1",), {"limit": -1}, "limit"),
    ]
    for path, args, kwargs, param in cases:
        with pytest.raises(gptkit.InvalidParameterError) as info:
            await invoke(client, path, *args, **kwargs)
        assert info.value.param == param, path
    await close(client)
    assert recorder.requests == []


async def test_ids_are_quoted_and_5xx_retried(kind: str) -> None:
    job = {"id": "ftjob-1", "object": "fine_tuning.job", "status": "running", "model": "m"}
    recorder = Recorder(httpx.Response(500, json={"error": {"message": "oops"}}), httpx.Response(200, json=job))
    client = make_client(kind, recorder, retry=gptkit.RetryPolicy(zero_waits=True))
    result = await invoke(client, "fine_tuning.jobs.resume", "ftjob/1")
    await close(client)
    assert result.status == "running" and len(recorder.requests) == 2
    assert recorder.requests[1].url.raw_path == b"/v1/fine_tuning/jobs/ftjob%2F1/resume"
    assert recorder.requests[0].headers["idempotency-key"] == recorder.requests[1].headers["idempotency-key"]
