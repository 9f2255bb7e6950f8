"""Why gptkit keeps the up-front token charge: a refund the server does not make becomes 429s.

The API (and ``FakeOpenAI``) counts a request against TPM when it arrives (prompt estimate +
max output tokens) and keeps that charge. A client that refunds the unused output after each
response believes it has capacity the server does not have, and the server's
``x-ratelimit-remaining-tokens`` cannot catch it up: each response reports the count at its own
admission, before the requests admitted after it. These tests replay the shape of the flaky
end-to-end run as an event simulation on a hand-driven clock, with gptkit's sans-IO core as the
client and the fake's own buckets (written independently) as the server: one lane's queue
reserving and sending, the server admitting one request at a time, and each response folding
its headers in and settling its usage.
"""

from __future__ import annotations

import heapq
import itertools

import pytest

from gptkit._ratelimit import _core
from gptkit._ratelimit._core import LaneState, Shape
from gptkit._ratelimit._headers import parse_observation
from gptkit.testing._fake_limits import LimitBuckets

TPM = 240_000  # with a 1-second window: 4,000 tokens at once, 4,000 a second
SHAPE = Shape(window=1.0, jitter=0.25)  # gptkit keeps 0.25 s (1,000 tokens) of the burst back
CHARGE = 85  # prompt estimate + max_tokens, what both sides charge up front
USED = 45  # what the response's usage reports
#: The server takes requests one at a time (0.7 ms each was measured on the served fake) and
#: answers after a latency; whether refunds turn into 429s depends on these timings (hence the
#: flaky run), so the tests try a grid of them.
TIMINGS = [(service, latency) for service in (0.0003, 0.0007, 0.001) for latency in (0.002, 0.004, 0.01, 0.03)]


def run(*, refund: bool, service: float, latency: float, count: int = 80) -> tuple[int, int]:
    """``count`` requests through one lane (one reservation at a time, as the turnstile does);
    (admitted, 429s) on the server."""
    client, server = LaneState(), LimitBuckets(None, TPM, window=1.0)
    events: list[tuple[float, int, str, float, dict[str, str]]] = [(0.0, 0, "reserve", 0.0, {})]
    order = itertools.count(1)
    server_free = 0.0
    reserved = ok = limited = 0
    while events:
        now, _, kind, admitted_at, headers = heapq.heappop(events)
        if kind == "reserve":  # the head of the queue reserves, sleeps its wait, is sent
            wait = _core.reserve(client, None, TPM, SHAPE, now, CHARGE).wait
            reserved += 1
            heapq.heappush(events, (now + wait, next(order), "send", 0.0, {}))
        elif kind == "send":
            if reserved < count:  # the next in line reserves once this one is on its way
                heapq.heappush(events, (now, next(order), "reserve", 0.0, {}))
            arrival = server_free = max(now, server_free) + service
            verdict = server.admit("gpt-4o", CHARGE, arrival)
            ok, limited = ok + verdict.admitted, limited + (not verdict.admitted)
            if verdict.admitted:
                heapq.heappush(events, (arrival + latency, next(order), "answer", now, dict(verdict.headers)))
        else:  # a response: fold its headers in, then settle the charge with its usage
            seen = parse_observation(headers)
            assert seen is not None
            _core.observe(client, None, TPM, SHAPE, now, seen, age=now - admitted_at)
            _core.give_back(client, None, TPM, SHAPE, now, 0, _core.settlement(CHARGE, USED, refund))
    return ok, limited


@pytest.mark.parametrize(("service", "latency"), TIMINGS)
def test_keeping_the_charge_matches_the_server(service: float, latency: float) -> None:
    assert run(refund=False, service=service, latency=latency) == (80, 0)


def test_refunding_what_the_server_keeps_runs_into_429s() -> None:
    # The cause of the flaky e2e run: the burst's refunds land while the server is still
    # admitting it, the headers (each measured at its own request's admission) are older than
    # the client's count and do not show it wrong, and the queue is let through early. Whether
    # it happens depends on the timings (5 x 429 with 0.7 ms / 10 ms, none with others).
    runs = {timing: run(refund=True, service=timing[0], latency=timing[1]) for timing in TIMINGS}
    assert all(ok + limited == 80 for ok, limited in runs.values())
    assert runs[(0.0007, 0.01)] == (75, 5)
    assert sum(limited for _ok, limited in runs.values()) >= 10


def test_settlement_charges_extra_always_and_refunds_only_when_asked() -> None:
    assert _core.settlement(85, 45, refund=False) == 0.0
    assert _core.settlement(85, 45, refund=True) == 40.0
    assert _core.settlement(85, 100, refund=False) == -15.0  # usage above the charge: extra
    assert _core.settlement(85, 100, refund=True) == -15.0
    assert _core.settlement(85, None, refund=True) == 0.0  # no usage reported: keep the charge
