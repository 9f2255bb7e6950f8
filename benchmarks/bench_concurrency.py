"""Speed under concurrency: 256 concurrent async chat completions against a local server.

Starts ``_server.py`` on 127.0.0.1 in a child process, then runs each client in a fresh
interpreter of its own (so imports, caches and memory of one cannot help or hurt another),
interleaved over several repetitions; reports the median requests/s of a burst of ``--concurrency``
tasks that each make ``--calls`` sequential calls, and peak memory: the ``tracemalloc`` peak of
the allocations made while ``--concurrency`` calls are outstanding at once (the server holds the
answers to ``/held/`` requests until 256 wait, or none came for 50 ms) -- the target -- and,
for information, during one more throughput burst (that peak depends on how many responses a
client happens to be processing at once, so it rises with speed and varies between runs). Both
are traced in separate bursts because tracing slows Python down. Max RSS is the child's peak.

Clients: raw ``httpx.AsyncClient`` (its default limits), the official ``AsyncOpenAI``, gptkit's
default ``AsyncClient``, and for reference the same raw httpx client over gptkit's pool transport
(``gptkit._core._pool.AsyncPoolTransport``), i.e. httpx without httpcore's pool bookkeeping.
``--clients "raw httpx 1000"`` adds raw httpx with gptkit's limits (1000 connections): slow.

Targets (issue 12): gptkit's requests/s >= the fastest *raw* client (raw httpx, AsyncOpenAI);
gptkit's peak traced memory with all calls outstanding <= raw httpx's + 20%.

Run: ``python benchmarks/bench_concurrency.py`` (exit code 0) or ``--check`` (exit code 1 when a
target is missed).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from typing import Any

from _server import start_server, stop_server

CLIENTS = ["raw httpx", "openai", "gptkit", "httpx + gptkit pool"]
#: Not run by default (slow): raw httpx with gptkit's limits (1000 connections, 200 kept alive).
EXTRA_CLIENTS = ["raw httpx 1000"]
RAW_CLIENTS = ("raw httpx", "openai", "raw httpx 1000")
MEMORY_SLACK = 1.2


def _child(name: str, base_url: str, concurrency: int, calls: int, bursts: int) -> dict[str, Any]:
    """Runs in the child: warm up, time ``bursts`` bursts, then one traced burst."""
    import asyncio
    import gc
    import resource
    import time
    import tracemalloc

    from _server import REQUEST_BODY

    api_key = "sk-bench-0123456789"

    async def run() -> dict[str, Any]:
        import httpx

        close: Any
        held_url = base_url.replace("/v1", "/held/v1")
        if name in ("raw httpx", "httpx + gptkit pool", "raw httpx 1000"):
            # The same timeouts as gptkit and openai (600 s, 5 s to connect): with httpx's default
            # 5 s, requests queued in httpcore's pool fail with PoolTimeout at this concurrency.
            timeout = httpx.Timeout(600.0, connect=5.0)
            if name == "raw httpx":
                http = httpx.AsyncClient(timeout=timeout)
            elif name == "raw httpx 1000":
                limits = httpx.Limits(max_connections=1000, max_keepalive_connections=200)
                http = httpx.AsyncClient(timeout=timeout, limits=limits)
            else:
                from gptkit._core._pool import AsyncPoolTransport

                http = httpx.AsyncClient(timeout=timeout, transport=AsyncPoolTransport())
            headers = {"Authorization": f"Bearer {api_key}"}

            def client_for(base: str) -> Any:
                url = base + "/chat/completions"

                async def call() -> Any:
                    response = await http.post(url, json=REQUEST_BODY, headers=headers)
                    response.raise_for_status()
                    return json.loads(response.content)

                return call

            close = http.aclose
        elif name == "openai":
            import openai

            oa = openai.AsyncOpenAI(api_key=api_key, base_url=base_url)

            def client_for(base: str) -> Any:
                client = oa if base == base_url else oa.with_options(base_url=base)
                return lambda: client.chat.completions.create(**REQUEST_BODY)

            close = oa.close
        else:
            import gptkit

            gk = gptkit.AsyncClient(api_key=api_key, base_url=base_url)

            def client_for(base: str) -> Any:
                client = gk if base == base_url else gk.with_options(base_url=base)
                return lambda: client.chat.completions.create(**REQUEST_BODY)

            close = gk.aclose

        async def burst(call: Any, calls: int) -> float:
            async def task() -> None:
                for _ in range(calls):
                    await call()

            start = time.perf_counter()
            await asyncio.gather(*(task() for _ in range(concurrency)))
            return time.perf_counter() - start

        plain, held = client_for(base_url), client_for(held_url)
        await burst(plain, calls)  # warm up: connections, lazy imports, validators
        await burst(held, 1)
        gc.collect()
        rates = [concurrency * calls / await burst(plain, calls) for _ in range(bursts)]
        gc.collect()
        tracemalloc.start()
        tracemalloc.reset_peak()
        base, _ = tracemalloc.get_traced_memory()
        await burst(plain, calls)
        _, peak = tracemalloc.get_traced_memory()
        gc.collect()
        tracemalloc.reset_peak()
        base_held, _ = tracemalloc.get_traced_memory()
        await burst(held, 1)
        _, peak_held = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        await close()
        return {
            "rps": statistics.median(rates),
            "traced_peak": peak - base,
            "held_peak": peak_held - base_held,
            "max_rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
        }

    return asyncio.run(run())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--concurrency", type=int, default=256, help="concurrent tasks")
    parser.add_argument("--calls", type=int, default=4, help="sequential calls per task per burst")
    parser.add_argument("--bursts", type=int, default=2, help="timed bursts per child")
    parser.add_argument("--reps", type=int, default=3, help="fresh children per client (median)")
    parser.add_argument("--clients", default=",".join(CLIENTS),
                        help=f"comma-separated, from {', '.join(CLIENTS + EXTRA_CLIENTS)}")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child:
        print(json.dumps(_child(args.child, args.url, args.concurrency, args.calls, args.bursts)))
        return 0

    clients = [c for c in args.clients.split(",") if c]
    results: dict[str, list[dict[str, Any]]] = {name: [] for name in clients}
    base_url, server = start_server()
    try:
        for rep in range(args.reps):
            order = clients[rep % len(clients):] + clients[: rep % len(clients)]
            for name in order:
                out = subprocess.run(
                    [sys.executable, __file__, "--child", name, "--url", base_url,
                     "--concurrency", str(args.concurrency), "--calls", str(args.calls),
                     "--bursts", str(args.bursts)],
                    capture_output=True, text=True, check=False,
                )
                if out.returncode != 0:
                    print(f"{name}: failed\n{out.stderr[-2000:]}", file=sys.stderr)
                    continue
                results[name].append(json.loads(out.stdout.strip().splitlines()[-1]))
    finally:
        stop_server(server)

    summary = {
        name: {key: statistics.median(r[key] for r in runs) for key in runs[0]}
        for name, runs in results.items() if runs
    }
    raw = summary.get("raw httpx")

    def vs(s: dict[str, float], key: str) -> str:
        return f"{s[key] / raw[key]:.2f}x" if raw else "-"

    print(f"\n{args.concurrency} concurrent tasks x {args.calls} calls per burst; "
          f"median of {args.reps} fresh processes x {args.bursts} bursts")
    print("| client | requests/s | vs raw httpx | peak, all calls outstanding (MiB) | vs raw httpx "
          "| peak, throughput burst (MiB) | vs raw httpx | max RSS (MiB) |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, s in summary.items():
        print(f"| {name} | {s['rps']:.0f} | {vs(s, 'rps')} | {s['held_peak'] / 2**20:.1f} "
              f"| {vs(s, 'held_peak')} | {s['traced_peak'] / 2**20:.1f} | {vs(s, 'traced_peak')} "
              f"| {s['max_rss'] / 2**20:.0f} |")

    failed = False
    gk = summary.get("gptkit")
    raws = {n: summary[n] for n in RAW_CLIENTS if n in summary}
    if gk and raws:
        best_name = max(raws, key=lambda n: raws[n]["rps"])
        ok = gk["rps"] >= raws[best_name]["rps"]
        failed |= not ok
        print(f"\ngptkit requests/s / fastest raw client ({best_name}) = "
              f"{gk['rps'] / raws[best_name]['rps']:.2f} (target >= 1.00): {'PASS' if ok else 'FAIL'}")
    if gk and raw:
        ratio = gk["held_peak"] / raw["held_peak"]
        ok = ratio <= MEMORY_SLACK
        failed |= not ok
        print(f"gptkit peak memory with {args.concurrency} calls outstanding / raw httpx = {ratio:.2f} "
              f"(target <= {MEMORY_SLACK}): {'PASS' if ok else 'FAIL'}")
    return 1 if (failed and args.check) else 0


if __name__ == "__main__":
    sys.exit(main())
