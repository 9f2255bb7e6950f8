"""End to end against a local server that enforces RPM and TPM and answers 429 when exceeded.

Limits are scaled to a 1-second window so a run of several hundred requests takes seconds.
"""

from __future__ import annotations

import pytest

import gptkit
from tests.ratelimit_load import Enforcer, EnforcingServer, LoadResult, run_load

pytestmark = pytest.mark.slow

WINDOW = 1.0


def run(rpm: float, tpm: float, count: int, *, limited: bool) -> LoadResult:
    enforcer = Enforcer(rpm, tpm, window=WINDOW)
    limit = gptkit.RateLimit(rpm=rpm, tpm=tpm, window=WINDOW) if limited else None
    with EnforcingServer(enforcer) as server:
        return run_load(server.base_url, enforcer, count, rate_limit=limit, window=WINDOW)


def test_requests_per_minute_bound_run_has_no_429s_and_near_full_rate() -> None:
    with_limiter = run(2400, 1_000_000, 300, limited=True)
    without = run(2400, 1_000_000, 300, limited=False)
    print(f"\nwith gptkit's limiter: {with_limiter.summary()}\nwithout a limiter: {without.summary()}")
    assert with_limiter.rate_limited == 0, with_limiter.summary()
    assert with_limiter.ok == 300
    assert with_limiter.fraction >= 0.9, with_limiter.summary()
    assert without.rate_limited > 100, without.summary()  # the same run unprotected


def test_tokens_per_minute_bound_run_with_refunds_has_no_429s() -> None:
    # Each request is charged ~100 tokens (prompt + max_tokens) and refunded ~55 of them;
    # 90,000 tokens a minute bind long before 60,000 requests a minute do.
    result = run(60_000, 90_000, 400, limited=True)
    print(f"\ntokens-bound with gptkit's limiter: {result.summary()}")
    assert result.rate_limited == 0, result.summary()
    assert result.ok == 400
    assert result.fraction >= 0.9, result.summary()
