"""Benchmark: ``gptkit.batch.run`` against a plain asyncio + httpx loop, in one run.

Both send the same N chat requests (default 20,000) to the same local server (another process on
127.0.0.1, no rate limit) at the same concurrency and write one JSON line per result. Each side
runs in a fresh subprocess; the table shows wall-clock requests/s and CPU time per request of the
client process (user + system). gptkit does all its bookkeeping: validation of the whole file up
front, typed parsing, retry policy, journal appends with fsync every 1000 records, progress
counters and latency percentiles.

    python benchmarks/bench_batch.py [-n 20000] [-c 16] [--rounds 2]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent


def _cpu() -> float:
    times = os.times()
    return times.user + times.system


def write_input(path: pathlib.Path, n: int) -> None:
    with open(path, "w") as handle:
        for i in range(n):
            handle.write(json.dumps({
                "custom_id": f"req-{i}", "method": "POST", "url": "/v1/chat/completions",
                "body": {"model": "gpt-4o-mini", "max_tokens": 64,
                         "messages": [{"role": "system", "content": "You are terse."},
                                      {"role": "user", "content": f"Summarise item {i} in one line."}]},
            }) + "\n")


def plain_loop(source: str, output: str, base_url: str, concurrency: int) -> None:
    """The loop people write: a semaphore, gather over every line, json.dumps to a file."""
    import httpx

    async def main() -> None:
        with open(source) as handle:
            lines = [json.loads(line) for line in handle]
        semaphore = asyncio.Semaphore(concurrency)
        limits = httpx.Limits(max_connections=concurrency)
        async with httpx.AsyncClient(base_url=base_url, limits=limits, timeout=600,
                                     headers={"authorization": "Bearer sk-bench"}) as client:
            with open(output, "w") as out:
                async def one(line: dict) -> None:  # type: ignore[type-arg]
                    async with semaphore:
                        response = await client.post("/chat/completions", json=line["body"])
                        response.raise_for_status()
                        out.write(json.dumps({"custom_id": line["custom_id"], "response": {
                            "status_code": response.status_code, "body": response.json()}}) + "\n")

                await asyncio.gather(*(one(line) for line in lines))

    asyncio.run(main())


def gptkit_run(source: str, output: str, base_url: str, concurrency: int) -> None:
    import gptkit
    import gptkit.batch

    client = gptkit.AsyncClient(api_key="sk-bench", base_url=base_url)
    summary = gptkit.batch.run(source, output, client=client, concurrency=concurrency, progress=False)
    assert summary.succeeded == summary.total, summary.table()


def worker(kind: str, source: str, output: str, base_url: str, concurrency: int) -> None:
    start_wall, start_cpu = time.perf_counter(), _cpu()
    (gptkit_run if kind == "gptkit" else plain_loop)(source, output, base_url, concurrency)
    print(json.dumps({"wall": time.perf_counter() - start_wall, "cpu": _cpu() - start_cpu}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=20_000)
    parser.add_argument("-c", "--concurrency", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=2, help="alternate the two this many times; best kept")
    parser.add_argument("--worker", nargs=5, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        kind, source, output, base_url, concurrency = args.worker
        worker(kind, source, output, base_url, int(concurrency))
        return
    server = subprocess.Popen([sys.executable, str(ROOT / "tests" / "batch_server.py")],
                              stdout=subprocess.PIPE, text=True)
    assert server.stdout is not None
    base_url = f"http://127.0.0.1:{server.stdout.readline().split()[1]}/v1"
    best: dict[str, dict[str, float]] = {}
    try:
        with tempfile.TemporaryDirectory() as tmp:
            source = os.path.join(tmp, "in.jsonl")
            write_input(pathlib.Path(source), args.n)
            for _ in range(args.rounds):
                for kind in ("plain", "gptkit"):
                    output = os.path.join(tmp, f"{kind}.jsonl")
                    for leftover in (output, output.replace(".jsonl", ".failures.jsonl")):
                        if os.path.exists(leftover):
                            os.remove(leftover)
                    done = subprocess.run(
                        [sys.executable, __file__, "--worker", kind, source, output, base_url,
                         str(args.concurrency)], capture_output=True, text=True, check=True,
                    )
                    result = json.loads(done.stdout.strip().splitlines()[-1])
                    with open(output, "rb") as written:
                        lines = sum(1 for _ in written)
                    assert lines == args.n, f"{kind} wrote {lines} lines"
                    if kind not in best or result["wall"] < best[kind]["wall"]:
                        best[kind] = result
    finally:
        server.kill()
        server.wait()
    plain_rps = args.n / best["plain"]["wall"]
    print(f"{args.n} chat requests, concurrency {args.concurrency}, best of {args.rounds}, "
          f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs\n")
    print("| loop | requests/s | CPU per request | throughput vs plain |")
    print("|---|---:|---:|---:|")
    for kind, label in (("plain", "asyncio + httpx (semaphore + gather)"), ("gptkit", "gptkit.batch.run")):
        rps = args.n / best[kind]["wall"]
        cpu_ms = best[kind]["cpu"] / args.n * 1000
        print(f"| {label} | {rps:,.0f} | {cpu_ms:.2f} ms | {rps / plain_rps:.2f}x |")


if __name__ == "__main__":
    main()
