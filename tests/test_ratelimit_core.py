"""The sans-IO bucket arithmetic: exact waits on a hand-driven clock (no I/O, no sleeping)."""

from __future__ import annotations

import pytest

from gptkit._ratelimit import _core
from gptkit._ratelimit._config import RateLimit
from gptkit._ratelimit._core import LaneState, NeverFits, Observation, Shape

EXACT = Shape(window=1.0, jitter=0.0)  # capacity = limit / 60: rpm=60 -> 1 request, 1 per second


def reserve(lane: LaneState, now: float, tokens: int = 0, rpm: float | None = 60, tpm: float | None = None,
            shape: Shape = EXACT) -> float:
    return _core.reserve(lane, rpm, tpm, shape, now, tokens).wait


def test_exact_waits_for_a_sequence_of_requests() -> None:
    lane = LaneState()
    assert [reserve(lane, 0.0) for _ in range(4)] == [0.0, 1.0, 2.0, 3.0]
    # 4 reserved at t=0 drain by t=4; at t=2.5 one and a half are still queued ahead.
    assert reserve(lane, 2.5) == pytest.approx(1.5)
    assert reserve(lane, 10.0) == 0.0  # idle long enough: the bucket is full again


def test_burst_up_to_the_window_then_the_rate() -> None:
    lane = LaneState()
    shape = Shape(window=60.0, jitter=0.0)  # the API's full minute: 60 at once, then 1 a second
    waits = [_core.reserve(lane, 60, None, shape, 0.0, 0).wait for _ in range(62)]
    assert waits[:60] == [0.0] * 60
    assert waits[60:] == [1.0, 2.0]


def test_tokens_and_requests_both_bind() -> None:
    lane = LaneState()
    # tpm 600 with a 1 s window: 10 tokens at once, 10 a second; rpm 120: 2 at once, 2 a second.
    assert reserve(lane, 0.0, 4, rpm=120, tpm=600) == 0.0
    assert reserve(lane, 0.0, 4, rpm=120, tpm=600) == 0.0
    assert reserve(lane, 0.0, 1, rpm=120, tpm=600) == pytest.approx(0.5)  # requests bind
    # Tokens alone would allow 0.8 s (9 queued + 9 - 10 tokens at 10/s); requests say 1.0 s.
    assert reserve(lane, 0.0, 9, rpm=120, tpm=600) == pytest.approx(1.0)
    # Requests would allow 1.5 s; tokens say 1.8 s (18 queued + 10 - 10 at 10/s).
    assert reserve(lane, 0.0, 10, rpm=120, tpm=600) == pytest.approx(1.8)


def test_jitter_keeps_part_of_the_burst_unused() -> None:
    shape = Shape(window=1.0, jitter=0.1)  # rpm 600: capacity 10, 1 held back for 0.1 s jitter
    lane = LaneState()
    waits = [_core.reserve(lane, 600, None, shape, 0.0, 0).wait for _ in range(10)]
    assert waits[:9] == [0.0] * 9
    assert waits[9] == pytest.approx(0.1)
    assert shape.usable(600) == pytest.approx(9.0)
    assert Shape(window=1.0, jitter=0.9).usable(600) == pytest.approx(5.0)  # never below half


def test_fifo_large_request_behind_small_ones_waits_its_turn() -> None:
    lane = LaneState()
    small = [reserve(lane, 0.0, 4, rpm=None, tpm=600) for _ in range(2)]  # 8 of 10 tokens
    large = reserve(lane, 0.0, 10, rpm=None, tpm=600)
    assert small == [0.0, 0.0]
    assert large == pytest.approx(0.8)  # room for 10 once the 8 drain


def test_fifo_large_request_ahead_blocks_small_ones_that_would_fit() -> None:
    lane = LaneState()
    assert reserve(lane, 0.0, 8, rpm=None, tpm=600) == 0.0
    large = reserve(lane, 0.0, 10, rpm=None, tpm=600)
    # 2 tokens are free right now, but the large request is first in line: a small one waits
    # behind it instead of taking the free room (which would starve the large one forever).
    small_waits = [reserve(lane, 0.0, 2, rpm=None, tpm=600) for _ in range(3)]
    assert large == pytest.approx(0.8)
    assert small_waits == pytest.approx([1.0, 1.2, 1.4])
    assert all(w > large for w in small_waits)


def test_a_stream_of_small_requests_never_starves_a_large_one() -> None:
    lane = LaneState()
    reserve(lane, 0.0, 10, rpm=None, tpm=600)
    large = reserve(lane, 0.05, 10, rpm=None, tpm=600)
    for step in range(1, 50):  # small ones keep arriving after it
        reserve(lane, 0.05 + step * 0.01, 1, rpm=None, tpm=600)
    assert large == pytest.approx(0.95)  # unchanged by the later arrivals


def test_refund_after_usage_frees_capacity() -> None:
    lane = LaneState()
    assert reserve(lane, 0.0, 10, rpm=None, tpm=600) == 0.0
    assert reserve(lane, 0.0, 10, rpm=None, tpm=600) == pytest.approx(1.0)
    # The first one used 3 tokens, not 10: 7 come back, so the next waits 0.7 s less.
    _core.give_back(lane, None, 600, EXACT, 0.0, 0, 7)
    assert reserve(lane, 0.0, 10, rpm=None, tpm=600) == pytest.approx(1.3)


def test_extra_charge_when_usage_exceeds_the_estimate() -> None:
    lane = LaneState()
    reserve(lane, 0.0, 5, rpm=None, tpm=600)
    _core.give_back(lane, None, 600, EXACT, 0.0, 0, -3)  # used 8, charged 5
    assert reserve(lane, 0.0, 5, rpm=None, tpm=600) == pytest.approx(0.3)


def test_refund_cannot_go_below_empty() -> None:
    lane = LaneState()
    reserve(lane, 0.0, 2, rpm=None, tpm=600)
    _core.give_back(lane, None, 600, EXACT, 0.0, 0, 50)
    assert lane.tokens.used == 0.0


def test_header_limit_lower_than_configured_slows_down() -> None:
    lane = LaneState()
    shape = Shape(window=60.0, jitter=0.0)
    _core.observe(lane, 600, None, shape, 0.0, Observation(limit_requests=60))
    assert _core.effective_limits(600, None, lane, shape) == (60, None)
    waits = [_core.reserve(lane, 600, None, shape, 0.0, 0).wait for _ in range(61)]
    assert waits[59] == 0.0
    assert waits[60] == pytest.approx(1.0)  # 60 a minute, not 600


def test_header_limit_higher_than_configured_is_ignored() -> None:
    lane = LaneState()
    _core.observe(lane, 60, 1000, EXACT, 0.0, Observation(limit_requests=6000, limit_tokens=10**6))
    assert _core.effective_limits(60, 1000, lane, EXACT) == (60, 1000)


def test_header_limit_supplies_an_unconfigured_limit() -> None:
    lane = LaneState()
    _core.observe(lane, 60, None, EXACT, 0.0, Observation(limit_tokens=600))
    assert _core.effective_limits(60, None, lane, EXACT) == (60, 600)
    assert not Shape(adaptive=False).adaptive
    _core.observe(lane2 := LaneState(), 60, None, Shape(adaptive=False), 0.0, Observation(limit_tokens=6))
    assert lane2.server_tpm is None


def test_header_remaining_lower_than_ours_counts_usage_we_did_not_see() -> None:
    lane = LaneState()
    shape = Shape(window=60.0, jitter=0.0)
    _core.reserve(lane, None, 60_000, shape, 0.0, 1_000)
    # The server says only 9,000 of 60,000 tokens remain: someone else used 50,000.
    _core.observe(lane, None, 60_000, shape, 0.0, Observation(remaining_tokens=9_000))
    assert lane.tokens.used == pytest.approx(51_000)
    # 51,000 in use; 10,000 more need 1,000 to drain, at 1,000 a second.
    assert _core.reserve(lane, None, 60_000, shape, 0.0, 10_000).wait == pytest.approx(1.0)


def test_header_remaining_within_noise_changes_nothing() -> None:
    lane = LaneState()
    shape = Shape(window=60.0, jitter=0.0)
    _core.reserve(lane, 60, None, shape, 0.0, 0)
    _core.reserve(lane, 60, None, shape, 0.0, 0)
    _core.observe(lane, 60, None, shape, 0.0, Observation(remaining_requests=57))  # 3 vs our 2
    assert lane.requests.used == 2.0
    _core.observe(lane, 60, None, shape, 0.0, Observation(remaining_requests=55))  # 5 vs 2: a real gap
    assert lane.requests.used == 5.0


def test_hold_after_429_holds_waiters_and_newcomers_until_reset() -> None:
    lane = LaneState()
    first = _core.reserve(lane, 60, None, EXACT, 0.0, 0)
    queued = _core.reserve(lane, 60, None, EXACT, 0.0, 0)
    assert (first.wait, queued.wait) == (0.0, 1.0)
    _core.hold(lane, 60, None, EXACT, 0.5, 2.0)  # a 429 at t=0.5 says: reset in 2 s
    # The queued waiter learns after its sleep that the queue moved back by 2 s.
    assert lane.shift - queued.shift == pytest.approx(2.0)
    newcomer = _core.reserve(lane, 60, None, EXACT, 0.5, 0)
    assert 0.5 + newcomer.wait == pytest.approx(1.0 + 2.0 + 1.0)  # behind the shifted waiter
    assert lane.hold_until == pytest.approx(2.5)


def test_hold_with_empty_queue_blocks_until_reset() -> None:
    lane = LaneState()
    _core.hold(lane, 6000, None, EXACT, 10.0, 3.0)
    assert _core.reserve(lane, 6000, None, EXACT, 10.0, 0).wait == pytest.approx(3.0)


def test_overlapping_holds_do_not_add_up() -> None:
    lane = LaneState()
    for step in range(10):  # ten in-flight requests all answered 429 within 90 ms
        _core.hold(lane, 60, None, EXACT, 5.0 + step * 0.01, 2.0)
    assert lane.shift == pytest.approx(2.09)
    assert lane.hold_until == pytest.approx(7.09)
    _core.hold(lane, 60, None, EXACT, 5.5, 1.0)  # ends before the current hold: no change
    assert lane.shift == pytest.approx(2.09)


def test_request_that_can_never_fit_the_tpm_limit() -> None:
    lane = LaneState()
    with pytest.raises(NeverFits) as info:
        reserve(lane, 0.0, 11, rpm=None, tpm=600)
    assert (info.value.tokens, info.value.capacity) == (11, 10.0)
    assert lane.tokens.used == 0.0  # nothing was reserved
    assert reserve(lane, 0.0, 10, rpm=None, tpm=600) == 0.0  # exactly the capacity fits


def test_available_reports_the_current_estimates() -> None:
    lane = LaneState()
    reserve(lane, 0.0, 4, rpm=60, tpm=600)
    reserve(lane, 0.0, 4, rpm=60, tpm=600)
    got = _core.available(lane, 60, 600, EXACT, 0.5)
    assert got == pytest.approx({"rpm": 60, "tpm": 600, "requests_available": -0.5,
                                 "tokens_available": 7.0, "hold_remaining": 0.0})


def test_rate_limit_resolves_per_model_limits() -> None:
    limit = RateLimit(rpm=500, tpm=30_000, per_model={
        "gpt-4o-mini": RateLimit(rpm=5000, tpm=2_000_000),
        "o1*": {"rpm": 100},
    })
    assert limit.limits_for("gpt-4o").rpm == 500
    mini = limit.limits_for("gpt-4o-mini")
    assert (mini.scope, mini.rpm, mini.tpm) == ("gpt-4o-mini", 5000, 2_000_000)
    a, b = limit.limits_for("o1-mini"), limit.limits_for("o1-preview")
    assert a.scope == b.scope == "o1*"  # one shared lane for the pattern
    assert (a.rpm, a.tpm) == (100, None)


@pytest.mark.parametrize("options", [
    {"rpm": 0}, {"rpm": -1}, {"tpm": float("inf")}, {"rpm": True}, {"rpm": "100"},
    {"max_concurrency": 0}, {"max_concurrency": 1.5}, {"window": 0}, {"jitter": -1}, {"refund": "yes"},
    {"per_model": {"x": {"rpm": 1, "rps": 2}}}, {"per_model": {"x": RateLimit(max_concurrency=2)}},
])
def test_rate_limit_rejects_bad_options(options: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        RateLimit(**options)  # type: ignore[arg-type]
