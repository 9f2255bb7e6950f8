"""A load runner for rate-limit runs against ``gptkit.testing.FakeOpenAI`` served on 127.0.0.1.

The end-to-end tests, the Redis multi-process test and ``benchmarks/bench_ratelimit.py`` use it.
The fake enforces RPM and TPM like the service (its own bucket code, written independently of
gptkit's limiter, so a run compares two implementations) and counts what it admitted; every
number reported here is the server's, from ``fake.stats``.
"""

from __future__ import annotations

import asyncio
import multiprocessing
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import gptkit
from gptkit.testing import FakeOpenAI

__all__ = ["LoadResult", "fire", "process_worker", "request_body", "result_of", "run_load", "run_processes", "warm_up"]


@dataclass
class LoadResult:
    """What a run achieved, in the fake server's own counts."""

    sent: int
    #: Requests the server admitted (``stats.requests_admitted``) and 429s it sent (``sent_429``).
    ok: int
    rate_limited: int
    #: Tokens the admitted requests were charged (``stats.tokens_admitted``).
    tokens: int
    #: Seconds from the first admission to the last.
    span: float
    rpm: float | None
    tpm: float | None
    window: float

    def _sustained(self, admitted: float, limit: float | None) -> float:
        # The server holds ``limit * window / 60`` at the start (the burst allowance) and then
        # lets ``limit / 60`` a second through. The burst is a one-off credit, not a rate: over
        # ``span`` seconds the most the *limit* (requests or tokens per minute) allows is
        # ``limit / 60 * span`` beyond it. So the achieved rate is what was admitted beyond the
        # burst, per second, over the allowed rate. This is strict: burst a client leaves unused
        # counts against it (gptkit keeps ``jitter`` seconds of it back: 0.25 s / span).
        if limit is None or self.span <= 0:
            return 0.0
        burst = limit * self.window / 60.0
        return (admitted - burst) / (limit / 60.0 * self.span)

    @property
    def fraction(self) -> float:
        """Achieved share of the allowed rate, by whichever of requests and tokens binds."""
        return max(self._sustained(self.ok, self.rpm), self._sustained(self.tokens, self.tpm))

    def summary(self) -> str:
        head = (f"{self.ok}/{self.sent} admitted, {self.rate_limited} x 429, "
                f"{self.span:.2f}s from first to last admission")
        if self.span < 2 * self.window:  # the burst and a moment's refill: no rate to speak of
            return f"{head} (too short to measure a rate)"
        return f"{head}, {self.fraction:.1%} of the allowed rate beyond the initial burst"


def result_of(fake: FakeOpenAI, sent: int) -> LoadResult:
    """The run's numbers from the fake's statistics."""
    stats = fake.stats
    first, last = stats.first_admitted or 0.0, stats.last_admitted or 0.0
    limits = fake.limits
    return LoadResult(sent=sent, ok=stats.requests_admitted, rate_limited=stats.sent_429,
                      tokens=stats.tokens_admitted, span=last - first, rpm=limits.rpm, tpm=limits.tpm,
                      window=limits.window)


def request_body(index: int, max_tokens: int) -> dict[str, Any]:
    content = f"Request {index}: " + "lorem ipsum " * (index % 7 + 3)
    return {"model": "gpt-4o", "messages": [{"role": "user", "content": content}], "max_tokens": max_tokens}


async def warm_up() -> None:
    """One chat call through an in-process fake (no sockets, no limits): the first call in a
    process loads price tables and builds validators, which would otherwise stall the event
    loop for a moment in the middle of the measured run."""
    async with FakeOpenAI().async_client() as client:
        await client.chat.completions.create(**request_body(0, 60))


async def fire(client: gptkit.AsyncClient, count: int, *, max_tokens: int = 60, offset: int = 0,
               gate: Callable[[], Any] | None = None) -> tuple[int, int]:
    """Send ``count`` chat requests at once; returns (ok, 429s) as the client saw them."""
    async def one(index: int) -> bool:
        if gate is not None:
            async with gate():
                return await send(index)
        return await send(index)

    async def send(index: int) -> bool:
        try:
            await client.chat.completions.create(**request_body(index, max_tokens))
            return True
        except gptkit.RateLimitError:
            return False

    results = await asyncio.gather(*(one(offset + i) for i in range(count)))
    return sum(results), len(results) - sum(results)


def run_load(fake: FakeOpenAI, base_url: str, count: int, *, rate_limit: Any = None, max_tokens: int = 60,
             gate: Callable[[], Any] | None = None, max_retries: int = 0) -> LoadResult:
    """Fire ``count`` requests at the served ``fake`` through one AsyncClient; the server's counts."""
    async def main() -> None:
        await warm_up()
        async with gptkit.AsyncClient(api_key="sk-load", base_url=base_url, max_retries=max_retries,
                                      rate_limit=rate_limit) as client:
            await fire(client, count, max_tokens=max_tokens, gate=gate)

    asyncio.run(main())
    return result_of(fake, count)


def process_worker(job: tuple[int, str, str, str, dict[str, Any], int], barrier: Any, results: Any) -> None:
    """One of several processes sharing a limit through Redis (a ``multiprocessing`` target).

    ``job``: index, base_url, redis_url, key prefix, RateLimit options, requests to send. The
    process warms up first (``warm_up``, a Redis connection, a few keep-alive connections to
    the server: calls without a model are not limited) and waits at ``barrier`` so that every
    process starts together, not while the others are still starting on a busy machine;
    it puts ``(index, ok, 429s)`` on ``results``.
    """
    index, base_url, redis_url, prefix, options, count = job
    backend = gptkit.RedisBackend(redis_url, prefix=prefix)
    limit = gptkit.RateLimit(**options, backend=backend)

    async def main() -> tuple[int, int]:
        await warm_up()
        async with gptkit.AsyncClient(api_key="sk-load", base_url=base_url, max_retries=0,
                                      rate_limit=limit) as client:
            conn = backend.connector.async_conn()
            assert conn is not None
            await conn.client.ping()
            await asyncio.gather(*(client.models.list() for _ in range(16)))
            await asyncio.to_thread(barrier.wait, 120)
            return await fire(client, count, offset=index * count)

    results.put((index, *asyncio.run(main())))


def run_processes(base_url: str, redis_url: str, prefix: str, options: dict[str, Any], *, processes: int,
                  per_process: int) -> list[tuple[int, int]]:
    """Run ``processes`` spawned ``process_worker``s together; each one's (ok, 429s) as it saw them."""
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(processes)
    results = context.Queue()
    workers = [context.Process(target=process_worker, args=((i, base_url, redis_url, prefix, options, per_process),
                                                            barrier, results), daemon=True)
               for i in range(processes)]
    for worker in workers:
        worker.start()
    try:
        seen = {index: (ok, failed) for index, ok, failed in (results.get(timeout=120) for _ in workers)}
    finally:
        for worker in workers:
            worker.join(10)
            if worker.is_alive():
                worker.kill()
    return [seen[i] for i in range(processes)]
