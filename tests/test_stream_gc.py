"""A stream dropped unfinished (never closed) still gives back its connection, its rate-limit
slot and its budget hold once it is garbage-collected."""

from __future__ import annotations

import asyncio
import gc
import time
from decimal import Decimal

import gptkit

from .helpers import Recorder, close, make_client
from .streams import ScriptedBody, chunked, sse
from .test_streaming import HELLO, chunk, create_stream, serve

MANY = [chunk("word ") for _ in range(40)]


def _wait_until(predicate: object, timeout: float = 5.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():  # type: ignore[operator]
            return True
        time.sleep(0.01)
    return False


def test_sync_stream_collected_unfinished_releases_everything() -> None:
    bodies: list[ScriptedBody] = []
    rec = Recorder(serve(*chunked(sse(*MANY, chunk(finish="stop")), 48), bodies=bodies))
    budget = gptkit.Budget(usd="1")
    limit = gptkit.RateLimit(rpm=10_000, tpm=10_000_000, max_concurrency=1)
    client = make_client("sync", rec, budget=budget, rate_limit=limit)
    stream = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "x"}],
                                            stream=True, max_tokens=200)
    assert next(stream).choices[0].delta.content == "word "
    del stream
    gc.collect()
    assert _wait_until(lambda: bodies[0].closed), "the connection was not released"
    assert _wait_until(lambda: budget.reserved == Decimal(0)), "the budget hold was not released"
    assert budget.spent > 0  # the partial answer was billed
    rec.script = [serve(sse(*HELLO))]
    done = list(client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "y"}],
                                               stream=True))  # would wait forever on a leaked slot
    assert done
    client.close()


async def test_async_stream_collected_unfinished_releases_everything() -> None:
    bodies: list[ScriptedBody] = []
    rec = Recorder(serve(*chunked(sse(*MANY, chunk(finish="stop")), 48), bodies=bodies))
    budget = gptkit.Budget(usd="1")
    limit = gptkit.RateLimit(rpm=10_000, tpm=10_000_000, max_concurrency=1)
    client = make_client("async", rec, budget=budget, rate_limit=limit)
    stream = await create_stream(client, max_tokens=200)
    first = await stream.__anext__()
    assert first.choices[0].delta.content == "word "
    del stream
    gc.collect()
    for _ in range(100):
        if bodies[0].closed and budget.reserved == 0:
            break
        await asyncio.sleep(0.01)
    assert bodies[0].closed
    assert budget.reserved == Decimal(0)
    rec.script = [serve(sse(*HELLO))]
    stream = await asyncio.wait_for(create_stream(client), timeout=5)  # a leaked slot would block here
    assert [c async for c in stream]
    await close(client)
