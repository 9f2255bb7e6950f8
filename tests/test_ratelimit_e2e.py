"""End to end against ``FakeOpenAI(rpm=..., tpm=..., window=...)`` served on 127.0.0.1.

The fake enforces RPM and TPM like the service and answers 429 ``rate_limit_exceeded`` when a
request does not fit. Limits are scaled to a 1-second window (on both sides) so a run of a few
hundred requests takes a few seconds. Each run is sized to last about 6 s from first to last
admission: long enough that the measured rate is a rate (see ``LoadResult.fraction``), short
enough for the suite, and tolerant of a loaded machine (the limiter keeps ``jitter`` seconds of
the burst in reserve for requests bunched up on the way).
"""

from __future__ import annotations

import asyncio
import contextlib

import pytest

import gptkit
from gptkit.testing import FakeOpenAI
from tests.ratelimit_load import LoadResult, result_of, run_load

pytestmark = pytest.mark.slow

WINDOW = 1.0


def run(rpm: int, tpm: int, count: int, *, limited: bool) -> LoadResult:
    fake = FakeOpenAI(rpm=rpm, tpm=tpm, window=WINDOW)
    limit = gptkit.RateLimit(rpm=rpm, tpm=tpm, window=WINDOW) if limited else None
    with fake.serve() as server:
        return run_load(fake, server.base_url, count, rate_limit=limit)


def test_requests_per_minute_bound_run_has_no_429s_and_near_full_rate() -> None:
    # 40 requests a second, 40 at once; gptkit starts with 30 (it keeps 0.25 s in reserve), so
    # the remaining 240 take 6 s. On a loaded machine the first 30, on fresh connections, can
    # take longer than that reserve to reach the server: the limiter counts the refill from
    # their first answer (tests/test_ratelimit_burst.py), so the run stays free of 429s.
    with_limiter = run(2400, 10_000_000, 270, limited=True)
    without = run(2400, 10_000_000, 270, limited=False)
    print(f"\nrequests-bound, with gptkit's limiter: {with_limiter.summary()}"
          f"\nrequests-bound, the same run without a limiter: {without.summary()}")
    assert with_limiter.rate_limited == 0, with_limiter.summary()
    assert with_limiter.ok == 270
    assert with_limiter.fraction >= 0.9, with_limiter.summary()
    assert without.rate_limited > 100, without.summary()  # the same run unprotected
    assert without.ok + without.rate_limited == 270


def test_tokens_per_minute_bound_run_has_no_429s() -> None:
    # Each request is charged ~70-95 tokens (prompt estimate + max_tokens=60) and uses fewer;
    # like the API, the fake keeps the up-front charge, and so does gptkit (refund=False: a
    # refund here let gptkit run ahead of the server into a few 429s in about one run in three;
    # see tests/test_ratelimit_refund.py). 240,000 tokens a minute (4,000 a second) bind long
    # before 60,000 requests a minute do.
    with_limiter = run(60_000, 240_000, 300, limited=True)
    without = run(60_000, 240_000, 300, limited=False)
    print(f"\ntokens-bound, with gptkit's limiter: {with_limiter.summary()}"
          f"\ntokens-bound, the same run without a limiter: {without.summary()}")
    assert with_limiter.rate_limited == 0, with_limiter.summary()
    assert with_limiter.ok == 300
    assert with_limiter.fraction >= 0.9, with_limiter.summary()
    assert without.rate_limited > 100, without.summary()


def test_a_rate_limited_run_of_responses_calls_has_no_429s() -> None:
    # The Responses API under the same limiter: 150 calls at once against 1,200 requests and
    # 60,000 tokens a minute (scaled to a 1-second window); each call is charged its input
    # estimate plus max_output_tokens, by the fake and by gptkit alike.
    fake = FakeOpenAI(rpm=1200, tpm=60_000, window=WINDOW)

    async def main(base_url: str, limited: bool) -> None:
        limit = gptkit.RateLimit(rpm=1200, tpm=60_000, window=WINDOW) if limited else None
        async with gptkit.AsyncClient(api_key="sk-load", base_url=base_url, max_retries=0,
                                      rate_limit=limit) as client:
            async def one(index: int) -> None:
                with contextlib.suppress(gptkit.RateLimitError):
                    await client.responses.create(model="gpt-4o-mini", input=f"Question {index}: why?",
                                                  max_output_tokens=40)
            await asyncio.gather(*(one(i) for i in range(150)))

    with fake.serve() as server:
        asyncio.run(main(server.base_url, limited=True))
    limited = result_of(fake, 150)
    unprotected = FakeOpenAI(rpm=1200, tpm=60_000, window=WINDOW)
    with unprotected.serve() as server:
        asyncio.run(main(server.base_url, limited=False))
    without = result_of(unprotected, 150)
    assert limited.rate_limited == 0 and limited.ok == 150, limited.summary()
    assert [r.path for r in fake.requests].count("/responses") == 150
    assert without.rate_limited > 50, without.summary()  # the same run unprotected
