"""A burst on an idle lane that is slow to reach the server (a loaded machine opening dozens of
connections at once) must not let the requests after it bunch up with it into 429s.

The server's bucket starts counting when the burst *arrives*; the limiter's when it let the
burst through. Over the transport seam, on virtual time: ``FakeOpenAI`` enforces the limits
and a wrapper holds every request sent before ``ready`` until then, as connections that take
that long to open.
"""

from __future__ import annotations

import asyncio
import contextlib

import httpx
import pytest

import gptkit
from gptkit._clock import get_clock
from gptkit._ratelimit import _core
from gptkit._ratelimit._core import LaneState, Shape
from gptkit.testing import FakeOpenAI, VirtualClock

# 40 requests a second and 40 at once; gptkit lets 30 go at once (jitter 0.25 s).
RPM, WINDOW = 2400, 1.0


class SlowToConnect(httpx.AsyncBaseTransport):
    """Requests sent before ``ready`` (seconds from the start) reach the server at ``ready``."""

    def __init__(self, fake: FakeOpenAI, ready: float) -> None:
        self.fake = fake
        self.ready = get_clock().monotonic() + ready

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        clock = get_clock()
        delay = self.ready - clock.monotonic()
        if delay > 0:
            await clock.asleep(delay)
        return await self.fake.handle_async_request(request)


async def _run(count: int, ready: float) -> FakeOpenAI:
    fake = FakeOpenAI(rpm=RPM, tpm=10_000_000, window=WINDOW)
    limit = gptkit.RateLimit(rpm=RPM, window=WINDOW)
    transport = SlowToConnect(fake, ready)
    async with gptkit.AsyncClient(api_key="sk-test", transport=transport, rate_limit=limit,
                                  max_retries=0) as client:
        async def one(index: int) -> None:
            with contextlib.suppress(gptkit.RateLimitError):  # counted by the server
                await client.chat.completions.create(
                    model="gpt-4o", messages=[{"role": "user", "content": f"q{index}"}], max_tokens=5)

        await asyncio.gather(*(one(i) for i in range(count)))
    return fake


def _clock() -> VirtualClock:
    clock = VirtualClock()
    # Handing the lane's turnstile on takes a few turns of the loop per request: let every
    # task get to its sleep before the clock moves (or the run would not be the one described).
    clock.settle_yields = 100
    return clock


@pytest.mark.parametrize("ready", [0.3, 0.6, 1.5])
async def test_a_burst_slow_to_leave_gets_no_429s(ready: float) -> None:
    with _clock():
        fake = await _run(90, ready)
    assert fake.stats.sent_429 == 0, fake.stats
    assert fake.stats.requests_admitted == 90


async def test_the_burst_and_the_rate_are_kept_once_it_has_arrived() -> None:
    with _clock() as clock:
        start = clock.monotonic()
        fake = await _run(90, 0.6)
        elapsed = clock.monotonic() - start
    stats = fake.stats
    assert stats.first_admitted is not None and stats.last_admitted is not None
    # The burst (30) reaches the server at 0.6 s and the limiter counts the refill from its
    # answer: the other 60 follow at 40 a second, 1.5 s, not a moment more.
    assert stats.last_admitted - stats.first_admitted == pytest.approx(60 / 40, abs=0.03)
    assert elapsed < 0.6 + 60 / 40 + 0.05


def test_requests_within_the_burst_never_wait_for_the_first_answer() -> None:
    # A lane paused for its first answer still lets through what fits in the burst at once.
    lane, shape = LaneState(), Shape(window=60.0, jitter=0.25)
    assert _core.reserve(lane, 60, None, shape, 0.0, 0, track=True).wait == 0.0
    assert lane.restart == 0.0
    waits = [_core.reserve(lane, 60, None, shape, 10.0, 0, track=True).wait for _ in range(58)]
    assert waits == [0.0] * 58  # 59 of the 59.75 usable at once
    # Without an answer the first request still counts whole 10 s later: the 60th waits.
    assert _core.reserve(lane, 60, None, shape, 10.0, 0, track=True).wait == pytest.approx(0.25)


def test_the_first_answer_ends_the_pause_and_a_minute_bounds_it() -> None:
    shape = Shape(window=1.0, jitter=0.0)  # rpm=60: one at once, one a second
    lane = LaneState()
    _core.reserve(lane, 60, None, shape, 0.0, 0, track=True)
    _core.answered(lane, shape, 0.4, admitted=0.0)  # the answer came back after 0.4 s
    assert lane.restart is None
    assert _core.reserve(lane, 60, None, shape, 0.4, 0, track=True).wait == pytest.approx(1.0)
    assert _core.reserve(lane, 60, None, shape, 3.0, 0, track=True).wait == pytest.approx(0.0)
    # No answer at all (nothing reports one): the pause lasts a minute (or a window) at most.
    lane = LaneState()
    _core.reserve(lane, 60, None, shape, 0.0, 0, track=True)
    assert _core.reserve(lane, 60, None, shape, 60.5, 0, track=True).wait == pytest.approx(0.5)
    assert lane.restart is None


def test_an_answer_to_a_request_from_before_the_burst_does_not_end_its_pause() -> None:
    shape = Shape(window=1.0, jitter=0.0)
    lane = LaneState()
    _core.reserve(lane, 60, None, shape, 5.0, 0, track=True)
    _core.answered(lane, shape, 5.2, admitted=2.0)  # a slow answer to an earlier request
    assert lane.restart == 5.0
    _core.answered(lane, shape, 5.3, admitted=5.0)
    assert lane.restart is None
