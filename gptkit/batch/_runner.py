"""The worker pool of a batch run (``run`` / ``arun`` in ``_run``): send a JSONL file of requests
at a bounded concurrency, resumably.

A fixed pool of worker tasks pulls requests from a bounded queue that one producer fills while
streaming the input, so memory stays flat however long the file is. Each request goes through
the client's public ``create`` (validation, retry policy, and the rate limiter and budget when
the client has them); each outcome is appended to the results or failures file as it completes.
Those two files are the journal: a restarted run skips every custom_id they hold.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
import time
from typing import Any

from gptkit._clock import get_clock
from gptkit._core._client import AsyncClient
from gptkit._exceptions import (
    AuthenticationError,
    BackendError,
    BudgetExceededError,
    BudgetStateLostError,
    InsufficientQuotaError,
    RateLimitError,
)
from gptkit.batch._input import BatchRequest, iter_requests
from gptkit.batch._journal import Appender
from gptkit.batch._progress import Progress
from gptkit.batch._records import failure_line, success_line
from gptkit.batch._shard import Shard
from gptkit.batch._stats import RunStats
from gptkit.batch._wiring import senders

__all__ = ["DEFAULT_STOP_ON", "Runner", "default_failures_path"]

logger = logging.getLogger("gptkit.batch")

#: Errors after which every further request would fail the same way: the run stops cleanly and
#: the request that raised stays not done (resume after raising the budget or fixing the key).
DEFAULT_STOP_ON: tuple[type[BaseException], ...] = (
    BudgetExceededError, InsufficientQuotaError, AuthenticationError,
)

#: Pauses between tries while the shared Redis (rate limit, budget) does not answer.
_BACKEND_PAUSES = (0.5, 1.0, 2.0, 5.0)


def default_failures_path(output_path: str | os.PathLike[str]) -> str:
    """``results.jsonl`` -> ``results.failures.jsonl`` (other names get ``.failures.jsonl`` added)."""
    path = os.fspath(output_path)
    stem = path[: -len(".jsonl")] if path.endswith(".jsonl") else path
    return stem + ".failures.jsonl"


class Runner:
    def __init__(self, client: AsyncClient, input_path: str, done: set[str], stats: RunStats,
                 results: Appender, failures: Appender, *, concurrency: int, grace_period: float,
                 stop_on: tuple[type[BaseException], ...], progress: Progress | None,
                 shard: Shard | None = None, backend_patience: float = 300.0) -> None:
        self.client = client
        self.input_path = input_path
        self.done = done
        self.stats = stats
        self.results = results
        self.failures = failures
        self.concurrency = concurrency
        self.grace_period = grace_period
        self.stop_on = stop_on
        #: A shared Redis that stays down (or a lost budget) stops the run too, whatever stop_on says.
        self._stops: tuple[type[BaseException], ...] = (*stop_on, BackendError)
        self.progress = progress
        self.shard = shard
        self.backend_patience = backend_patience
        self._backend_down_since: float | None = None
        self.clock = get_clock()
        self.stopped: str | None = None
        self.fatal: BaseException | None = None
        self._outstanding = 0
        self._stop = asyncio.Event()
        self._abandon = asyncio.Event()
        self._queue: asyncio.Queue[BatchRequest | None] = asyncio.Queue(maxsize=concurrency)
        self._send = senders(client)
        self.started = self.clock.monotonic()

    # -- control ----------------------------------------------------------------------------

    def request_stop(self, reason: str, *, abandon: bool = False) -> None:
        """Send no new requests; let in-flight ones finish (or cancel them with ``abandon``)."""
        if self.stopped is None:
            self.stopped = reason
        self._stop.set()
        if abandon:
            self._abandon.set()

    def on_signal(self, signum: int) -> None:
        name = signal.Signals(signum).name
        if self._stop.is_set():
            logger.warning("%s again: abandoning %d in-flight request(s)", name, self.stats.in_flight)
            self.request_stop(f"interrupted ({name})", abandon=True)
            return
        logger.warning("%s: no new requests; waiting up to %.0fs for %d in-flight (again to abandon them)",
                       name, self.grace_period, self.stats.in_flight)
        self.request_stop(f"interrupted ({name})")

    # -- the tasks --------------------------------------------------------------------------

    async def _produce(self) -> None:
        queue = self._queue
        stats = self.stats
        shard = self.shard
        for request in iter_requests(self.input_path):
            if self._stop.is_set():
                return
            if request.custom_id in self.done or (shard is not None and not shard.holds(request.custom_id)):
                continue
            stats.read += 1
            self._outstanding += 1
            if self._outstanding > stats.max_pending:
                stats.max_pending = self._outstanding
            await queue.put(request)
        for _ in range(self.concurrency):
            await queue.put(None)

    async def _work(self) -> None:
        queue = self._queue
        while not self._stop.is_set():
            request = await queue.get()
            if request is None or self._stop.is_set():
                return
            try:
                await self._process(request)
            except Exception as exc:  # a write failed (disk full...): stop, keep what is written
                self.fatal = exc
                self.request_stop(f"error: {type(exc).__name__}: {exc}")
                return

    async def _process(self, request: BatchRequest) -> None:
        stats = self.stats
        stats.in_flight += 1
        start = self.clock.monotonic()
        try:
            response = await self._send_through_outages(request)
        except self._stops as exc:
            self.request_stop(f"{type(exc).__name__}: {exc}")
            return
        except Exception as exc:
            if isinstance(exc, RateLimitError):
                stats.rate_limited += 1
            self.failures.append(failure_line(request.custom_id, exc))
            stats.failed += 1
            stats.failed_by_class[type(exc).__name__] += 1
        else:
            http = response.http_response
            self.results.append(
                success_line(request.custom_id, http.status_code, http.headers.get("x-request-id"),
                             http.content)
            )
            parsed = response.parse()
            stats.add_usage(getattr(parsed, "usage", None), getattr(parsed, "cost", None))
            stats.succeeded += 1
        finally:
            stats.in_flight -= 1
            self._outstanding -= 1
        stats.latencies.append(self.clock.monotonic() - start)

    async def _send_through_outages(self, request: BatchRequest) -> Any:
        """Send ``request``; while the shared Redis does not answer, wait and send it again.

        A call refused by the rate limiter's or the budget's Redis was not sent, so it is safe
        to send again: the run pauses instead of filling the failures file, and goes on when
        Redis answers. Past ``backend_patience`` seconds of outage (or a budget whose state was
        lost, which waiting cannot fix) the error stops the run; the request stays not done.
        """
        attempt = 0
        while True:
            try:
                response = await self._send[request.url](**request.body)
            except BackendError as exc:
                if isinstance(exc, BudgetStateLostError) or self._stop.is_set():
                    raise
                now = time.monotonic()  # real time: Redis is real, whatever the test's clock
                if self._backend_down_since is None:
                    self._backend_down_since = now
                    logger.warning("shared Redis unreachable (%s); pausing requests until it answers "
                                   "(up to %.0fs)", exc, self.backend_patience)
                if now - self._backend_down_since >= self.backend_patience:
                    raise
                pause = _BACKEND_PAUSES[min(attempt, len(_BACKEND_PAUSES) - 1)]
                attempt += 1
                with contextlib.suppress(asyncio.TimeoutError):
                    await asyncio.wait_for(self._stop.wait(), pause)
                continue
            if self._backend_down_since is not None:
                self._backend_down_since = None
                logger.warning("shared Redis answers again; requests resume")
            return response

    async def _tick(self) -> None:
        interval = min(0.25, self.progress.interval) if self.progress is not None else 0.25
        while True:
            # A real sleep on purpose: a display timer must not advance a test's VirtualClock.
            await asyncio.sleep(interval)
            self.results.maybe_sync()
            self.failures.maybe_sync()
            if self.progress is not None:
                self.progress.tick(self.stats, self.clock.monotonic(), self.started)

    def _drain(self) -> None:
        """Drop queued requests (they stay not done) and wake every idle worker."""
        queue = self._queue
        while not queue.empty():
            if queue.get_nowait() is not None:
                self._outstanding -= 1
        for _ in range(self.concurrency):
            with contextlib.suppress(asyncio.QueueFull):
                queue.put_nowait(None)

    async def run(self) -> None:
        producer = asyncio.create_task(self._produce())
        workers = [asyncio.create_task(self._work()) for _ in range(self.concurrency)]
        ticker = asyncio.create_task(self._tick())
        stop_wait = asyncio.create_task(self._stop.wait())
        abandon_wait = asyncio.create_task(self._abandon.wait())
        all_workers: asyncio.Future[Any] = asyncio.gather(*workers)
        stop_waits: set[asyncio.Future[Any]] = {all_workers, stop_wait}
        try:
            await asyncio.wait({*stop_waits, producer}, return_when=asyncio.FIRST_COMPLETED)
            while producer.done() and not all_workers.done() and not self._stop.is_set():
                self._raise_producer_error(producer)
                await asyncio.wait(stop_waits, return_when=asyncio.FIRST_COMPLETED)
            if producer.done():
                self._raise_producer_error(producer)
            if self._stop.is_set() and not all_workers.done():
                producer.cancel()
                self._drain()
                abandon_waits: set[asyncio.Future[Any]] = {all_workers, abandon_wait}
                await asyncio.wait(abandon_waits, timeout=self.grace_period,
                                   return_when=asyncio.FIRST_COMPLETED)
                if not all_workers.done():
                    logger.warning("abandoning %d in-flight request(s); they stay not done",
                                   self.stats.in_flight)
                    for worker in workers:
                        worker.cancel()
            await asyncio.gather(*workers, return_exceptions=True)
        finally:
            for task in (producer, ticker, stop_wait, abandon_wait, *workers):
                task.cancel()
            await asyncio.gather(producer, ticker, stop_wait, abandon_wait, *workers, all_workers,
                                 return_exceptions=True)

    @staticmethod
    def _raise_producer_error(producer: asyncio.Task[None]) -> None:
        if not producer.cancelled() and producer.exception() is not None:
            raise producer.exception()  # type: ignore[misc]
