"""``run`` / ``arun``: the public entry points of a local batch run (the worker pool that sends
the requests is ``gptkit.batch._runner``).

They validate the whole input first, work out what an earlier run already did (the results and
failures files are the journal), open the files, run the pool and write the summary.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sys
from typing import TextIO

from gptkit._clock import get_clock
from gptkit._core._client import AsyncClient
from gptkit.batch._input import validate_input
from gptkit.batch._journal import Appender, check_distinct, scan, sort_by_input
from gptkit.batch._progress import Progress
from gptkit.batch._runner import DEFAULT_STOP_ON, Runner, default_failures_path
from gptkit.batch._shard import Shard
from gptkit.batch._stats import BatchSummary, RunStats, summarize
from gptkit.batch._wiring import counting_client
from gptkit.batch._wiring import handle_signals as handle_signals_in

__all__ = ["arun", "run"]

logger = logging.getLogger("gptkit.batch")


async def arun(
    input_path: str | os.PathLike[str],
    output_path: str | os.PathLike[str],
    *,
    client: AsyncClient | None = None,
    concurrency: int = 32,
    failures_path: str | os.PathLike[str] | None = None,
    retry_failed: bool = False,
    sort_output: bool = False,
    progress: bool | None = None,
    progress_interval: float = 10.0,
    progress_stream: TextIO | None = None,
    fsync_every: int = 1000,
    fsync_interval: float = 1.0,
    grace_period: float = 30.0,
    handle_signals: bool = True,
    stop_on: tuple[type[BaseException], ...] = DEFAULT_STOP_ON,
    shard: Shard | str | tuple[int, int] | None = None,
    backend_patience: float = 300.0,
) -> BatchSummary:
    """The async version of ``run``: the same parameters and the same result, awaited."""
    if concurrency < 1:
        raise ValueError("concurrency must be at least 1")
    selected_shard = Shard.parse(shard) if shard is not None else None
    owns_client = client is None
    if client is None:
        client = AsyncClient()
    elif not isinstance(client, AsyncClient):
        raise TypeError("gptkit.batch.run needs a gptkit.AsyncClient (it sends requests concurrently)")
    source = os.fspath(input_path)
    output = os.fspath(output_path)
    failures_file = os.fspath(failures_path) if failures_path is not None else default_failures_path(output)
    try:
        check_distinct(input=source, results=output, failures=failures_file)
        report = validate_input(source)
        lines = report.lines
        if selected_shard is not None:
            lines = {cid: number for cid, number in lines.items() if selected_shard.holds(cid)}
        if retry_failed and os.path.exists(failures_file):
            os.replace(failures_file, failures_file + ".previous")
        recorded = scan(output).ids | scan(failures_file).ids
        done = {custom_id for custom_id in recorded if custom_id in lines}
        if len(recorded) > len(done):
            logger.warning("%d recorded custom_id(s) are not in %s%s; leaving them as they are",
                           len(recorded) - len(done), source,
                           f" shard {selected_shard}" if selected_shard is not None else "")
        del recorded
        stats = RunStats(len(lines), len(done))
        stream = progress_stream if progress_stream is not None else sys.stderr
        display = Progress(stream, interval=progress_interval)
        if progress is None:
            progress = display.tty
        results = Appender(output, fsync_every=fsync_every, fsync_interval=fsync_interval)
        try:
            failures = Appender(failures_file, fsync_every=fsync_every, fsync_interval=fsync_interval)
        except BaseException:
            results.close()
            raise
        counting = counting_client(client, stats)
        runner = Runner(counting, source, done, stats, results, failures, concurrency=concurrency,
                         grace_period=grace_period, stop_on=stop_on,
                         progress=display if progress else None, shard=selected_shard,
                         backend_patience=backend_patience)
        try:
            with handle_signals_in(runner.on_signal, handle_signals):
                await runner.run()
        finally:
            results.close()
            failures.close()
        clock = get_clock()
        if runner.progress is not None:
            runner.progress.finish(stats, clock.monotonic(), runner.started)
        flush = getattr(client.budget, "aflush", None)
        if flush is not None:
            await flush()  # spending kept through a Redis outage reaches the shared budget now
        if runner.fatal is not None:
            raise runner.fatal
        summary = summarize(stats, elapsed=clock.monotonic() - runner.started, output_path=output,
                            failures_path=failures_file, stopped=runner.stopped)
        summary.extra["max_pending"] = stats.max_pending
        if sort_output and summary.complete:
            sort_by_input(output, iter(lines))
            sort_by_input(failures_file, iter(lines))
        return summary
    finally:
        if owns_client:
            await client.aclose()


def run(
    input_path: str | os.PathLike[str],
    output_path: str | os.PathLike[str],
    *,
    client: AsyncClient | None = None,
    concurrency: int = 32,
    failures_path: str | os.PathLike[str] | None = None,
    retry_failed: bool = False,
    sort_output: bool = False,
    progress: bool | None = None,
    progress_interval: float = 10.0,
    progress_stream: TextIO | None = None,
    fsync_every: int = 1000,
    fsync_interval: float = 1.0,
    grace_period: float = 30.0,
    handle_signals: bool = True,
    stop_on: tuple[type[BaseException], ...] = DEFAULT_STOP_ON,
    shard: Shard | str | tuple[int, int] | None = None,
    backend_patience: float = 300.0,
) -> BatchSummary:
    """Run every request of ``input_path`` and append the outcomes as they finish.

    The input is fully validated first (``BatchInputError`` with line numbers; nothing is
    sent). Running the same call again after a crash, ``kill -9`` or Ctrl-C resumes: custom_ids
    already in either file are skipped. Errors in ``stop_on`` stop the run like a signal; the
    request that raised one stays not done. Blocks (it runs its own event loop); ``arun`` is the
    async version. Returns a ``BatchSummary``.

    :param input_path: the requests, one Batch API line each (JSONL).
    :param output_path: the results file, appended to, in the Batch API's output line format.
    :param client: the ``AsyncClient`` to send through (its retries, rate limit and budget
        apply); None builds one from the environment and closes it at the end.
    :param concurrency: requests in flight at once.
    :param failures_path: the failures file (default ``<output>.failures.jsonl``).
    :param retry_failed: move the failures file aside (``.previous``) and send those again.
    :param sort_output: rewrite both files in input order once the run is complete.
    :param progress: draw a progress line (default: when ``progress_stream`` is a terminal).
    :param progress_interval: seconds between plain progress lines when not on a terminal.
    :param progress_stream: where progress goes (default stderr).
    :param fsync_every: fsync the files after this many records.
    :param fsync_interval: and at least this often, in seconds.
    :param grace_period: seconds in-flight requests get to finish after SIGINT or SIGTERM.
    :param handle_signals: stop gracefully on SIGINT/SIGTERM (a second one abandons the
        requests in flight, which stay not done); False keeps your own handlers.
    :param stop_on: the errors that stop the run instead of being recorded as failures
        (default: ``BudgetExceededError``, ``InsufficientQuotaError``, ``AuthenticationError``).
    :param shard: run only one shard of the input (``"2/4"``, ``(2, 4)`` or a ``Shard``), by a
        hash of custom_id, so several workers can split one file (each with its own outputs).
    :param backend_patience: seconds requests wait, unsent, while the Redis behind a shared rate
        limit or budget does not answer; after that (or when a ``RedisBudget``'s state was
        lost) the run stops as for ``stop_on``. Settlements a ``RedisBudget`` kept through an
        outage are written before it returns.
    """
    return asyncio.run(arun(
        input_path, output_path, client=client, concurrency=concurrency, failures_path=failures_path,
        retry_failed=retry_failed, sort_output=sort_output, progress=progress,
        progress_interval=progress_interval, progress_stream=progress_stream, fsync_every=fsync_every,
        fsync_interval=fsync_interval, grace_period=grace_period, handle_signals=handle_signals,
        stop_on=stop_on, shard=shard, backend_patience=backend_patience,
    ))
