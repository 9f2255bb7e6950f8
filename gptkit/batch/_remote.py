"""The same JSONL through the provider's Batch API: ``submit``, ``status``, ``fetch``.

``fetch`` writes the job's output and error files into the same results and failures files
``run`` writes, in the same format, appending only custom_ids not recorded yet: fetching twice
changes nothing, and ``run`` on the same input and output afterwards sends exactly the requests
the job did not answer. Those are the lines an expired or cancelled job lists in its error file
as ``batch_expired`` / ``batch_cancelled``: they were never run, so they are not recorded.
"""

from __future__ import annotations

import json
import os
import pathlib
from collections.abc import Generator, Iterable, Mapping
from contextlib import AbstractAsyncContextManager, AbstractContextManager, nullcontext
from typing import Any

from gptkit._clock import get_clock
from gptkit._core._client import AsyncClient, Client
from gptkit._drive import adrive, drive
from gptkit.batch._errors import BatchInputError, BatchJobError, InputProblem
from gptkit.batch._input import validate_input
from gptkit.batch._journal import Appender, check_distinct, scan
from gptkit.batch._records import normalise_provider_failure
from gptkit.batch._runner import default_failures_path
from gptkit.batch._stats import BatchSummary, RunStats, summarize
from gptkit.types.batch import Batch
from gptkit.types.file import BinaryContent

__all__ = ["afetch", "astatus", "asubmit", "fetch", "status", "submit"]

_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
#: Error codes of lines a job never ran: not failures, but requests still to do.
_NEVER_RUN = frozenset({"batch_expired", "batch_cancelled"})


def _using(client: Client | None) -> AbstractContextManager[Client]:
    """``client``, or one built from the environment and closed at the end."""
    return nullcontext(client) if client is not None else Client()


def _ausing(client: AsyncClient | None) -> AbstractAsyncContextManager[AsyncClient]:
    return nullcontext(client) if client is not None else AsyncClient()


def _endpoint_of(path: str) -> str:
    """Validate the whole file; the Batch API takes one endpoint per job."""
    report = validate_input(path)
    if len(report.urls) != 1:
        urls = ", ".join(sorted(report.urls))
        problem = InputProblem(None, f"a Batch API job takes one url per file; this one mixes {urls}")
        raise BatchInputError(path, [problem], 1)
    return next(iter(report.urls))


def _not_ready(batch: Batch) -> BatchJobError | None:
    if batch.status == "failed":
        errors = (batch.errors.data or []) if batch.errors is not None else []
        detail = "; ".join(f"line {e.line}: {e.message}" if e.line else str(e.message) for e in errors[:5])
        return BatchJobError(f"batch {batch.id} failed: {detail or 'no reason given'}", batch)
    if not batch.is_done:
        counts = batch.request_counts
        done = f" ({counts.completed + counts.failed}/{counts.total} done)" if counts is not None else ""
        return BatchJobError(f"batch {batch.id} is {batch.status}{done}; fetch again later or pass wait=True",
                             batch)
    return None


def _record_lines(content: BinaryContent | None) -> Iterable[dict[str, Any]]:
    if content is None:
        return
    for line in content.iter_lines():
        if not line.strip():
            continue
        record = json.loads(line)
        if isinstance(record, dict) and isinstance(record.get("custom_id"), str):
            yield record


def _never_run(record: Mapping[str, Any]) -> bool:
    error = record.get("error")
    return isinstance(error, Mapping) and error.get("code") in _NEVER_RUN


def _is_success(record: Mapping[str, Any]) -> bool:
    response = record.get("response")
    return (record.get("error") is None and isinstance(response, dict)
            and isinstance(response.get("status_code"), int) and response["status_code"] < 400)


def _files_of(batch: Batch) -> tuple[str | None, str | None]:
    """The finished job's output and error file ids; ``BatchJobError`` if it is not finished."""
    problem = _not_ready(batch)
    if problem is not None:
        raise problem
    return batch.output_file_id, batch.error_file_id


def _fetch_paths(output_path: str | os.PathLike[str],
                 failures_path: str | os.PathLike[str] | None) -> tuple[str, str]:
    """The results and failures files, refused before anything is fetched if they are one file."""
    output = os.fspath(output_path)
    failures = os.fspath(failures_path) if failures_path is not None else default_failures_path(output)
    check_distinct(results=output, failures=failures)
    return output, failures


def _write_fetched(batch: Batch, contents: list[BinaryContent | None], output_path: str,
                   failures_path: str) -> BatchSummary:
    recorded = scan(output_path).ids | scan(failures_path).ids
    counts = batch.request_counts
    stats = RunStats(counts.total if counts is not None else 0, 0)
    results = Appender(output_path)
    failures = Appender(failures_path)
    try:
        for content in contents:
            for record in _record_lines(content):
                custom_id = record["custom_id"]
                if _never_run(record):
                    continue  # left not done: ``run`` sends it
                if custom_id in recorded:
                    stats.skipped += 1
                    continue
                recorded.add(custom_id)
                if _is_success(record):
                    results.append((_dumps(record) + "\n").encode())
                    stats.succeeded += 1
                    body = record["response"].get("body")
                    usage = body.get("usage") if isinstance(body, dict) else None
                    if isinstance(usage, dict):  # chat's prompt/completion, or Responses' input/output
                        stats.prompt_tokens += int(usage.get("prompt_tokens")
                                                   or usage.get("input_tokens") or 0)
                        stats.completion_tokens += int(usage.get("completion_tokens")
                                                       or usage.get("output_tokens") or 0)
                        stats.total_tokens += int(usage.get("total_tokens") or 0)
                else:
                    normalised = normalise_provider_failure(record)
                    failures.append((_dumps(normalised) + "\n").encode())
                    stats.failed += 1
                    stats.failed_by_class[str(normalised["error"].get("class"))] += 1
    finally:
        results.close()
        failures.close()
    stats.total = max(stats.total, stats.done)
    ended = batch.completed_at or batch.expired_at or batch.cancelled_at or 0
    elapsed = max(float(ended - (batch.created_at or 0)), 0.0)
    summary = summarize(stats, elapsed=elapsed, output_path=output_path, failures_path=failures_path,
                        stopped=None if batch.status == "completed" else batch.status)
    summary.extra["batch_id"] = batch.id
    return summary


# -- submit and fetch, written once: each yields the client calls to make (a callable) or the
# seconds to sleep; ``drive`` makes them on a ``Client``, ``adrive`` awaits them on an ``AsyncClient``.


def _submitting(active: Any, path: str, endpoint: str, completion_window: str,
                metadata: Mapping[str, str] | None) -> Generator[Any, Any, str]:
    uploaded = yield lambda: active.files.create(file=pathlib.Path(path), purpose="batch")
    batch = yield lambda: active.batches.create(input_file_id=uploaded.id, endpoint=endpoint,
                                                completion_window=completion_window, metadata=metadata)
    batch_id: str = batch.id
    return batch_id


def _fetching(active: Any, batch_id: str, wait: bool, poll_interval: float, output: str,
              failures: str) -> Generator[Any, Any, BatchSummary]:
    batch = yield lambda: active.batches.retrieve(batch_id)
    while wait and not batch.is_done:
        yield poll_interval
        batch = yield lambda: active.batches.retrieve(batch_id)
    contents = []
    for file_id in _files_of(batch):
        content = (yield lambda file_id=file_id: active.files.content(file_id)) if file_id else None
        contents.append(content)
    return _write_fetched(batch, contents, output, failures)


def _call(step: Any) -> Any:
    return step() if callable(step) else get_clock().sleep(step)


def _acall(step: Any) -> Any:
    return step() if callable(step) else get_clock().asleep(step)


def submit(
    input_path: str | os.PathLike[str], *, client: Client | None = None, completion_window: str = "24h",
    metadata: Mapping[str, str] | None = None,
) -> str:
    """Validate ``input_path``, upload it (``purpose="batch"``) and start a Batch API job; its id.

    The whole file is checked first (``BatchInputError``, nothing uploaded); all lines must use
    one url, as the Batch API requires.

    :param input_path: the requests, one Batch API line each (JSONL).
    :param client: the ``Client`` to use; None builds one from the environment.
    :param completion_window: the job's window (the Batch API takes ``24h``).
    :param metadata: up to 16 key-value strings stored with the job.
    """
    path = os.fspath(input_path)
    endpoint = _endpoint_of(path)
    with _using(client) as active:
        return drive(_submitting(active, path, endpoint, completion_window, metadata), _call)


def status(batch_id: str, *, client: Client | None = None) -> Batch:
    """The Batch API job's current state (``status``, ``request_counts``, file ids).

    :param batch_id: the job's id, as ``submit`` returned it.
    :param client: the ``Client`` to use; None builds one from the environment.
    """
    with _using(client) as active:
        return active.batches.retrieve(batch_id)


def fetch(
    batch_id: str, output_path: str | os.PathLike[str], *, client: Client | None = None,
    failures_path: str | os.PathLike[str] | None = None, wait: bool = False, poll_interval: float = 30.0,
) -> BatchSummary:
    """Write a finished job's results and failures in ``run``'s format; a ``BatchSummary``.

    Appends only custom_ids not recorded yet. Raises ``BatchJobError`` if the job failed, or is
    not finished and ``wait`` is False.

    :param batch_id: the job's id, as ``submit`` returned it.
    :param output_path: the results file, appended to.
    :param client: the ``Client`` to use; None builds one from the environment.
    :param failures_path: the failures file (default ``<output>.failures.jsonl``).
    :param wait: poll until the job is finished instead of raising while it runs.
    :param poll_interval: seconds between polls with ``wait``.
    """
    output, failures = _fetch_paths(output_path, failures_path)
    with _using(client) as active:
        return drive(_fetching(active, batch_id, wait, poll_interval, output, failures), _call)


async def asubmit(
    input_path: str | os.PathLike[str], *, client: AsyncClient | None = None, completion_window: str = "24h",
    metadata: Mapping[str, str] | None = None,
) -> str:
    """The async twin of ``submit``."""
    path = os.fspath(input_path)
    endpoint = _endpoint_of(path)
    async with _ausing(client) as active:
        return await adrive(_submitting(active, path, endpoint, completion_window, metadata), _acall)


async def astatus(batch_id: str, *, client: AsyncClient | None = None) -> Batch:
    """The async twin of ``status``."""
    async with _ausing(client) as active:
        return await active.batches.retrieve(batch_id)


async def afetch(
    batch_id: str, output_path: str | os.PathLike[str], *, client: AsyncClient | None = None,
    failures_path: str | os.PathLike[str] | None = None, wait: bool = False, poll_interval: float = 30.0,
) -> BatchSummary:
    """The async twin of ``fetch``."""
    output, failures = _fetch_paths(output_path, failures_path)
    async with _ausing(client) as active:
        return await adrive(_fetching(active, batch_id, wait, poll_interval, output, failures), _acall)
