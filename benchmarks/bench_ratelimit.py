"""Benchmark: how close to the allowed rate each strategy runs, and how many 429s it gets.

Runs, in one go, the same burst of chat requests against a local server on 127.0.0.1 that
enforces RPM and TPM like the real service (``tests/ratelimit_load.py``):

- gptkit's limiter (``RateLimit(rpm=..., tpm=...)`` set to the server's limits),
- no limiter at all,
- a plain ``asyncio.Semaphore`` (the usual "cap the concurrency" approach) at a few sizes.

    python benchmarks/bench_ratelimit.py [--rpm 3000] [--tpm 1000000] [--requests 300]

Limits use a 1-second window so a run takes seconds; ``--window 60`` gives the API's minute.
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
from tests.ratelimit_load import Enforcer, EnforcingServer, LoadResult, run_load


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
    enforcer = Enforcer(args.rpm, args.tpm, window=args.window)
    with EnforcingServer(enforcer, latency=args.latency) as server:
        started = time.perf_counter()
        result = run_load(server.base_url, enforcer, args.requests, rate_limit=rate_limit,
                          window=args.window, gate=gate, max_retries=max_retries)
        return name, result, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rpm", type=float, default=3000)
    parser.add_argument("--tpm", type=float, default=1_000_000)
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
        print(f"{name:<24}{result.ok:>6}{result.rate_limited:>7}{wall:>10.2f}{result.fraction:>19.1%}")
    print("% of allowed rate: requests (or tokens) the server admitted over the most it could have\n"
          "admitted between its first and last admission; without a limiter most requests fail.")


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        main()
