"""End to end against ``FakeOpenAI(rpm=..., tpm=..., window=...)`` served on 127.0.0.1.

The fake enforces RPM and TPM like the service and answers 429 ``rate_limit_exceeded`` when a
request does not fit. Limits are scaled to a 1-second window (on both sides) so a run of a few
hundred requests takes a few seconds. Each run is sized to last about 6 s from first to last
admission: long enough that the measured rate is a rate (see ``LoadResult.fraction``), short
enough for the suite, and tolerant of a loaded machine (the limiter keeps ``jitter`` seconds of
the burst in reserve for requests bunched up on the way).
"""

from __future__ import annotations

import pytest

import gptkit
from gptkit.testing import FakeOpenAI
from tests.ratelimit_load import LoadResult, run_load

pytestmark = pytest.mark.slow

WINDOW = 1.0


def run(rpm: int, tpm: int, count: int, *, limited: bool) -> LoadResult:
    fake = FakeOpenAI(rpm=rpm, tpm=tpm, window=WINDOW)
    limit = gptkit.RateLimit(rpm=rpm, tpm=tpm, window=WINDOW) if limited else None
    with fake.serve() as server:
        return run_load(fake, server.base_url, count, rate_limit=limit)


def test_requests_per_minute_bound_run_has_no_429s_and_near_full_rate() -> None:
    # 40 requests a second, 40 at once; gptkit starts with 30 (it keeps 0.25 s in reserve), so
    # the remaining 240 take 6 s.
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
