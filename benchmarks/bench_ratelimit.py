"""Benchmark: how close to the allowed rate each strategy runs, and how many 429s it gets.

Runs, in one go, the same burst of chat requests against ``gptkit.testing.FakeOpenAI`` served
on 127.0.0.1, which enforces RPM and TPM like the real service (the load runner is
``tests/ratelimit_load.py``):

- gptkit's limiter (``RateLimit(rpm=..., tpm=...)`` set to the server's limits),
- no limiter at all,
- a plain ``asyncio.Semaphore`` (the usual "cap the concurrency" approach) at a few sizes.

    python benchmarks/bench_ratelimit.py [--rpm 3000] [--tpm 1000000] [--requests 300]

Limits use a 1-second window on both sides (``FakeOpenAI(window=...)``, ``RateLimit(window=...)``)
so a run takes seconds; ``--window 60`` gives the API's minute.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import pathlib
import sys
import time
from collections.abc import Callable
from typing import Any

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))

import gptkit
from gptkit.testing import FakeOpenAI
from tests.ratelimit_load import LoadResult, run_load


def semaphore_gate(size: int) -> Callable[[], Any]:
    holder: dict[str, asyncio.Semaphore] = {}

    def gate() -> Any:
        # Created lazily: a semaphore belongs to the event loop run_load starts.
        if "sem" not in holder:
            holder["sem"] = asyncio.Semaphore(size)
        return holder["sem"]

    return gate


def one(name: str, args: argparse.Namespace, *, rate_limit: Any = None,
        gate: Callable[[], Any] | None = None, max_retries: int = 0) -> tuple[str, LoadResult, float]:
    fake = FakeOpenAI(rpm=args.rpm, tpm=args.tpm, window=args.window, latency=args.latency)
    with fake.serve() as server:
        started = time.perf_counter()
        result = run_load(fake, server.base_url, args.requests, rate_limit=rate_limit, gate=gate,
                          max_retries=max_retries)
        return name, result, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rpm", type=int, default=3000)
    parser.add_argument("--tpm", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--window", type=float, default=1.0)
    parser.add_argument("--latency", type=float, default=0.1, help="server think time per request (s)")
    args = parser.parse_args()

    rate = args.rpm / 60.0
    fitted = max(1, round(rate * args.latency))  # rate x latency: the textbook concurrency
    runs = [
        one("gptkit RateLimit", args,
            rate_limit=gptkit.RateLimit(rpm=args.rpm, tpm=args.tpm, window=args.window)),
        one("no limiter", args),
        one("no limiter, 8 retries", args, max_retries=8),
        one(f"Semaphore({fitted})", args, gate=semaphore_gate(fitted)),
        one(f"Semaphore({fitted * 4})", args, gate=semaphore_gate(fitted * 4)),
    ]
    print(f"server: rpm={args.rpm:g} tpm={args.tpm:g} window={args.window:g}s latency={args.latency:g}s; "
          f"{args.requests} requests, no retries unless stated")
    print(f"{'strategy':<24}{'ok':>6}{'429s':>7}{'run (s)':>10}{'% of allowed rate':>20}")
    for name, result, wall in runs:
        share = f"{result.fraction:.1%}" if result.span >= 2 * result.window else "(no sustained rate)"
        print(f"{name:<24}{result.ok:>6}{result.rate_limited:>7}{wall:>10.2f}{share:>20}")
    print("ok and 429s are the server's counts (FakeOpenAI.stats). % of allowed rate: what the server\n"
          "admitted beyond its initial burst allowance, per second from its first to its last admission,\n"
          "over the limit's rate (rpm/60 or tpm/60, whichever binds); a run shorter than two windows\n"
          "(most requests failed at once) has no sustained rate.")


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        main()
