"""The sync (threads) and async (asyncio tasks) shells around the same arithmetic."""

from __future__ import annotations

import asyncio
import threading
import time

import pytest

import gptkit
from gptkit._ratelimit._slots import Slots
from gptkit.testing import VirtualClock


async def test_async_tasks_wake_first_in_first_out_at_exact_times() -> None:
    limiter = gptkit.RateLimiter(rpm=60, tpm=600, window=1.0, jitter=0.0)  # 1 req/s, 10 tokens/s
    woke: list[tuple[str, float]] = []

    async def one(name: str, tokens: int) -> None:
        await limiter.aacquire("m", tokens=tokens)
        woke.append((name, clock.monotonic() - start))

    with VirtualClock() as clock:
        start = clock.monotonic()
        tasks = []
        # A large request queued behind small ones, then small ones queued behind it.
        for name, tokens in [("s1", 1), ("s2", 1), ("big", 10), ("s3", 1), ("s4", 1)]:
            tasks.append(asyncio.create_task(one(name, tokens)))
            await asyncio.sleep(0)  # each task reserves in creation order
        await asyncio.gather(*tasks)
    # s1 at 0; s2 needs a request slot (1 s); big needs 10 tokens with 2 in use (1.2 s) and
    # a request slot (2 s); s3 and s4 come after it although their token would fit earlier.
    assert woke == [("s1", 0.0), ("s2", 1.0), ("big", 2.0), ("s3", 3.0), ("s4", 4.0)]
    assert limiter.stats().total_wait == pytest.approx(10.0)


async def test_async_cancelled_waiter_gives_its_reservation_back() -> None:
    limiter = gptkit.RateLimiter(rpm=60, window=1.0, jitter=0.0)
    with VirtualClock():
        await limiter.aacquire("m")
        waiter = asyncio.create_task(limiter.aacquire("m"))
        await asyncio.sleep(0)
        waiter.cancel()
        with pytest.raises(asyncio.CancelledError):
            await waiter
        scopes = limiter.stats().scopes
    # The cancelled one reserved a slot and gave it back: one request in use, not two.
    assert scopes["m"]["requests_available"] == pytest.approx(0.0, abs=1e-9)


def test_threads_share_one_limit() -> None:
    limiter = gptkit.RateLimiter(rpm=2400, window=0.25, jitter=0.0)  # 40/s, 10 at once
    granted: list[float] = []
    lock = threading.Lock()
    start = time.monotonic()

    def worker() -> None:
        for _ in range(5):
            limiter.acquire("m")
            with lock:
                granted.append(time.monotonic() - start)

    threads = [threading.Thread(target=worker) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    granted.sort()
    assert len(granted) == 30
    # 10 at once, then 40 a second: the 30th can start no earlier than 0.5 s.
    assert granted[9] < 0.2
    assert 0.5 - 0.01 <= granted[-1] < 1.5
    for i, at in enumerate(granted):
        assert i + 1 <= 10 + 40 * at + 1  # never ahead of the limit (1 of slack for clock reads)
    stats = limiter.stats()
    assert stats.requests == 30 and stats.waited >= 19


def test_thread_waiting_for_a_concurrency_slot() -> None:
    limiter = gptkit.RateLimiter(max_concurrency=1)
    permit = limiter.acquire("m")
    assert limiter.stats().in_flight == 1
    got: list[gptkit.RateLimitPermit] = []
    thread = threading.Thread(target=lambda: got.append(limiter.acquire("m")))
    thread.start()
    thread.join(timeout=0.2)
    assert thread.is_alive() and not got  # blocked on the slot
    permit.release()
    thread.join(timeout=5)
    assert got and limiter.stats().in_flight == 1
    got[0].settle(None)
    got[0].settle(None)  # idempotent: the slot is freed once
    assert limiter.stats().in_flight == 0


async def test_async_max_concurrency_is_first_in_first_out() -> None:
    limiter = gptkit.RateLimiter(max_concurrency=2)
    order: list[int] = []

    async def one(index: int) -> None:
        permit = await limiter.aacquire("m")
        order.append(index)
        await asyncio.sleep(0.01)
        permit.observe({}, done=True)

    await asyncio.gather(*(one(i) for i in range(8)))
    assert order == list(range(8))
    assert limiter.stats().in_flight == 0


async def test_slots_shared_by_a_thread_and_a_task() -> None:
    slots = Slots(1)
    slots.acquire()  # held by "a thread"
    task = asyncio.create_task(slots.aacquire())
    await asyncio.sleep(0.01)
    assert not task.done()
    threading.Thread(target=slots.release).start()  # freed from another thread
    await asyncio.wait_for(task, 5)
    assert slots.in_use == 1
    slots.release()
    assert slots.in_use == 0


async def test_cancelled_slot_waiter_passes_the_slot_on() -> None:
    slots = Slots(1)
    await slots.aacquire()
    first = asyncio.create_task(slots.aacquire())
    second = asyncio.create_task(slots.aacquire())
    await asyncio.sleep(0)
    slots.release()  # handed to `first`...
    first.cancel()  # ...which is cancelled before it runs: `second` must get it
    await asyncio.wait_for(second, 5)
    assert first.cancelled()
    assert slots.in_use == 1


def test_permit_for_a_stream_keeps_its_slot_until_settled() -> None:
    limiter = gptkit.RateLimiter(rpm=600, max_concurrency=3)
    permit = limiter.acquire("m", tokens=100)
    permit.observe({"x-ratelimit-limit-requests": "60"}, done=False)  # a stream: still running
    assert limiter.stats().in_flight == 1
    assert limiter.stats().scopes["m"]["rpm"] == 60
    permit.settle(40)
    assert limiter.stats().in_flight == 0
    assert "tokens=100" in repr(permit)
