"""The demo's burst: concurrent calls through one AsyncClient, held to a client-side rate limit
(``gptkit.RateLimit``), with 429s injected by the fake server and retried."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from typing import Any

import gptkit
from gptkit.testing import FakeOpenAI, Fault

__all__ = ["BurstResult", "run_burst"]


@dataclass
class BurstResult:
    """What the burst did, counted on both sides of the wire."""

    calls: int
    concurrency: int
    limiter: str
    sent: int = 0
    sent_429: int = 0
    retried: int = 0
    succeeded: int = 0
    failed: int = 0
    max_in_flight: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)


def _limiter(concurrency: int, rpm: int, tpm: int) -> tuple[gptkit.RateLimit, str]:
    limit = gptkit.RateLimit(rpm=rpm, tpm=tpm, max_concurrency=concurrency)
    return limit, f"gptkit.RateLimit(rpm={rpm}, tpm={tpm:_}, max_concurrency={concurrency})"


async def _burst(fake: FakeOpenAI, options: dict[str, Any], calls: int, concurrency: int,
                 result: BurstResult) -> None:
    limit, result.limiter = _limiter(concurrency, rpm=1200, tpm=200_000)
    options = {**options, "rate_limit": limit}

    def on_retry(event: gptkit.RetryEvent) -> None:
        result.retried += 1

    policy = gptkit.RetryPolicy(max_attempts=8, initial_backoff=0.01, max_backoff=0.1, on_retry=on_retry)
    async with gptkit.AsyncClient(retry=policy, transport=fake, **options) as client:

        async def one(i: int) -> None:
            async def call() -> None:
                await client.chat.completions.create(
                    model="gpt-4o-mini", max_tokens=16,
                    messages=[{"role": "user", "content": f"Summarise item {i + 1} in one line."}])

            try:
                await call()
            except gptkit.APIError as exc:
                result.failed += 1
                result.errors.append(exc.message)
            else:
                result.succeeded += 1

        await asyncio.gather(*(one(i) for i in range(calls)))


def run_burst(fake: FakeOpenAI, options: dict[str, Any], *, calls: int = 40, concurrency: int = 8,
              rate: float = 0.2, retry_after: float = 0.05) -> BurstResult:
    """Send ``calls`` chat completions at once; the fake answers ``rate`` of requests with 429."""
    result = BurstResult(calls=calls, concurrency=concurrency, limiter="")
    stats = fake.stats
    requests, statuses_429 = stats.requests, stats.sent_429
    fake.stats.max_in_flight = fake.stats.in_flight
    latency, fake.latency = fake.latency, 0.02  # each answer takes a moment, so calls overlap
    fake.inject(Fault.rate_limit(retry_after=retry_after), rate=rate, path="/chat/completions")
    start = time.monotonic()
    try:
        asyncio.run(_burst(fake, options, calls, concurrency, result))
    finally:
        result.seconds = time.monotonic() - start
        fake.latency = latency
        fake.clear()
    result.sent = stats.requests - requests
    result.sent_429 = stats.sent_429 - statuses_429
    result.max_in_flight = stats.max_in_flight
    return result
