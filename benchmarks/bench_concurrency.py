"""Speed under concurrency: 256 concurrent async chat completions against a local server.

Starts ``_server.py`` on 127.0.0.1 in a child process, then runs each client in a fresh
interpreter of its own (so imports, caches and memory of one cannot help or hurt another),
interleaved over several repetitions; reports the median requests/s of a burst of ``--concurrency``
tasks that each make ``--calls`` sequential calls, and the peak memory of one such burst
(``tracemalloc`` peak of the allocations made during the burst, measured in a separate burst
because tracing slows Python down; and the child's peak RSS).

Clients: raw ``httpx.AsyncClient`` (its default limits), the official ``AsyncOpenAI``, gptkit's
default ``AsyncClient``, and for reference the same raw httpx client over gptkit's pool transport
(``gptkit._transport.AsyncPoolTransport``), i.e. httpx without httpcore's pool bookkeeping.

Targets (issue 12): gptkit's requests/s >= the fastest *raw* client (raw httpx, AsyncOpenAI);
gptkit's peak traced memory <= raw httpx's + 20%.

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
RAW_CLIENTS = ("raw httpx", "openai")
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
        if name in ("raw httpx", "httpx + gptkit pool"):
            # The same timeouts as gptkit and openai (600 s, 5 s to connect): with httpx's default
            # 5 s, requests queued in httpcore's pool fail with PoolTimeout at this concurrency.
            timeout = httpx.Timeout(600.0, connect=5.0)
            if name == "raw httpx":
                http = httpx.AsyncClient(timeout=timeout)
            else:
                from gptkit._transport import AsyncPoolTransport

                http = httpx.AsyncClient(timeout=timeout, transport=AsyncPoolTransport())
            url = base_url + "/chat/completions"
            headers = {"Authorization": f"Bearer {api_key}"}

            async def call() -> Any:
                response = await http.post(url, json=REQUEST_BODY, headers=headers)
                response.raise_for_status()
                return json.loads(response.content)

            close = http.aclose
        elif name == "openai":
            import openai

            oa = openai.AsyncOpenAI(api_key=api_key, base_url=base_url)

            async def call() -> Any:
                return await oa.chat.completions.create(**REQUEST_BODY)

            close = oa.close
        else:
            import gptkit

            gk = gptkit.AsyncClient(api_key=api_key, base_url=base_url)

            async def call() -> Any:
                return await gk.chat.completions.create(**REQUEST_BODY)

            close = gk.aclose

        async def task() -> None:
            for _ in range(calls):
                await call()

        async def burst() -> float:
            start = time.perf_counter()
            await asyncio.gather(*(task() for _ in range(concurrency)))
            return time.perf_counter() - start

        await burst()  # warm up: connections, lazy imports, validators
        gc.collect()
        rates = [concurrency * calls / await burst() for _ in range(bursts)]
        gc.collect()
        tracemalloc.start()
        tracemalloc.reset_peak()
        base, _ = tracemalloc.get_traced_memory()
        await burst()
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        await close()
        return {
            "rps": statistics.median(rates),
            "traced_peak": peak - base,
            "max_rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
        }

    return asyncio.run(run())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--concurrency", type=int, default=256, help="concurrent tasks")
    parser.add_argument("--calls", type=int, default=4, help="sequential calls per task per burst")
    parser.add_argument("--bursts", type=int, default=2, help="timed bursts per child")
    parser.add_argument("--reps", type=int, default=3, help="fresh children per client (median)")
    parser.add_argument("--clients", default=",".join(CLIENTS), help="comma-separated subset")
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
    print(f"\n{args.concurrency} concurrent tasks x {args.calls} calls per burst; "
          f"median of {args.reps} fresh processes x {args.bursts} bursts")
    print("| client | requests/s | vs raw httpx | peak traced memory (MiB) | vs raw httpx | max RSS (MiB) |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, s in summary.items():
        rps_ratio = f"{s['rps'] / raw['rps']:.2f}x" if raw else "-"
        mem_ratio = f"{s['traced_peak'] / raw['traced_peak']:.2f}x" if raw else "-"
        print(f"| {name} | {s['rps']:.0f} | {rps_ratio} | {s['traced_peak'] / 2**20:.1f} | {mem_ratio} "
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
        ratio = gk["traced_peak"] / raw["traced_peak"]
        ok = ratio <= MEMORY_SLACK
        failed |= not ok
        print(f"gptkit peak memory / raw httpx = {ratio:.2f} (target <= {MEMORY_SLACK}): "
              f"{'PASS' if ok else 'FAIL'}")
    return 1 if (failed and args.check) else 0


if __name__ == "__main__":
    sys.exit(main())
