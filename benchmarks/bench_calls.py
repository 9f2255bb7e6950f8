"""Per-call client CPU and import time: raw httpx vs the official ``openai`` package vs gptkit.

Starts ``_server.py`` on 127.0.0.1 in a child process (its CPU is not counted), then measures in
this one run, so that the ratios compare like with like on a busy machine:

* client CPU per sequential non-streaming chat completion: ``time.process_time()`` over N calls,
  repeated R times with the clients interleaved; the median of the repetitions;
* import time in fresh interpreters: each child times its own ``import`` (so interpreter start-up
  is excluded), K times interleaved; the median. The children use cached bytecode, as an
  installed package does (pip compiles ``.pyc`` files at install time): they run with bytecode
  writing on and a private ``PYTHONPYCACHEPREFIX`` (a temporary directory, so nothing is written
  next to the sources), after one warm-up import each. With ``PYTHONDONTWRITEBYTECODE=1`` (set in
  some development containers) an editable gptkit would be compiled from source in every child
  while its dependencies load their ``.pyc`` files: that is shown too, for information.

Targets (issue 2): gptkit per-call CPU <= 1.25x raw httpx; ``import gptkit`` <= 1.3x importing
its dependencies together (``httpx, pydantic, tenacity, anyio``).

Run: ``python benchmarks/bench_calls.py`` (a report, exit code 0) or with ``--check`` (exit code 1
when a target is missed). ``--calls``, ``--reps`` and ``--imports`` trade time for precision.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from typing import Any

from _server import REQUEST_BODY, start_server, stop_server

API_KEY = "sk-bench-0123456789"
CALL_TARGET = 1.25
IMPORT_TARGET = 1.3

IMPORTS = {
    "deps": "import httpx, pydantic, tenacity, anyio",
    "gptkit": "import gptkit",
    "openai": "import openai",
}


def _clients(base_url: str) -> dict[str, tuple[Callable[[], Any], Callable[[], None]]]:
    """name -> (one call, close)."""
    import httpx

    import gptkit

    found: dict[str, tuple[Callable[[], Any], Callable[[], None]]] = {}

    raw = httpx.Client()
    url = base_url + "/chat/completions"
    headers = {"Authorization": f"Bearer {API_KEY}"}

    def raw_call() -> Any:
        response = raw.post(url, json=REQUEST_BODY, headers=headers)
        response.raise_for_status()
        return json.loads(response.content)

    found["raw httpx"] = (raw_call, raw.close)

    try:
        import openai
    except ImportError:
        print("(openai is not installed: pip install -r benchmarks/requirements.txt)")
    else:
        oa = openai.OpenAI(api_key=API_KEY, base_url=base_url)
        found["openai"] = (lambda: oa.chat.completions.create(**REQUEST_BODY), oa.close)

    gk = gptkit.Client(api_key=API_KEY, base_url=base_url)
    found["gptkit"] = (lambda: gk.chat.completions.create(**REQUEST_BODY), gk.close)
    return found


def bench_calls(base_url: str, calls: int, reps: int) -> dict[str, float]:
    """Median client CPU seconds per call, by client."""
    clients = _clients(base_url)
    for call, _ in clients.values():  # warm up: connections, lazy imports, validators
        for _ in range(20):
            call()
    samples: dict[str, list[float]] = {name: [] for name in clients}
    names = list(clients)
    for rep in range(reps):
        order = names[rep % len(names):] + names[: rep % len(names)]  # rotate who goes first
        for name in order:
            call = clients[name][0]
            gc.collect()
            start = time.process_time()
            for _ in range(calls):
                call()
            samples[name].append((time.process_time() - start) / calls)
    for _, close in clients.values():
        close()
    return {name: statistics.median(values) for name, values in samples.items()}


_CHILD = (
    "import time; w = time.perf_counter(); c = time.process_time(); {stmt}; "
    "print(time.perf_counter() - w, time.process_time() - c)"
)


def bench_imports(repeats: int, *, bytecode: bool = True) -> dict[str, tuple[float, float]]:
    """Median (wall, CPU) seconds to import each set in a fresh interpreter.

    ``bytecode``: with ``.pyc`` files cached in a private directory (as installed); without it,
    every module without a ``.pyc`` next to its source (an editable gptkit) is compiled each time.
    """
    env = dict(os.environ)
    with tempfile.TemporaryDirectory(prefix="gptkit-bench-pyc-") as cache:
        if bytecode:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = cache
        else:
            env["PYTHONDONTWRITEBYTECODE"] = "1"
            env.pop("PYTHONPYCACHEPREFIX", None)

        def child(stmt: str) -> subprocess.CompletedProcess[str]:
            return subprocess.run([sys.executable, "-c", _CHILD.format(stmt=stmt)], capture_output=True,
                                  text=True, check=False, env=env)

        for stmt in IMPORTS.values():
            child(stmt)  # warm-up: writes the bytecode cache (and the OS's file cache)
        wall: dict[str, list[float]] = {name: [] for name in IMPORTS}
        cpu: dict[str, list[float]] = {name: [] for name in IMPORTS}
        for _ in range(repeats):
            for name, stmt in IMPORTS.items():
                out = child(stmt)
                if out.returncode != 0:
                    break  # e.g. openai not installed
                w, c = out.stdout.split()
                wall[name].append(float(w))
                cpu[name].append(float(c))
    return {
        name: (statistics.median(wall[name]), statistics.median(cpu[name]))
        for name in IMPORTS if wall[name]
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--calls", type=int, default=300, help="calls per repetition")
    parser.add_argument("--reps", type=int, default=9, help="repetitions (median taken)")
    parser.add_argument("--imports", type=int, default=15, help="fresh interpreters per import")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args()

    base_url, server = start_server()
    try:
        per_call = bench_calls(base_url, args.calls, args.reps)
    finally:
        stop_server(server)
    imports = bench_imports(args.imports)
    compiled = bench_imports(max(3, args.imports // 2), bytecode=False)

    failed = False
    raw = per_call["raw httpx"]
    print(f"\nPer-call client CPU ({args.calls} sequential calls x {args.reps} reps, median)")
    print("| client | CPU per call (µs) | vs raw httpx |")
    print("|---|---:|---:|")
    for name, value in per_call.items():
        print(f"| {name} | {value * 1e6:.0f} | {value / raw:.2f}x |")
    ratio = per_call["gptkit"] / raw
    ok = ratio <= CALL_TARGET
    failed |= not ok
    print(f"\ngptkit per-call CPU / raw httpx = {ratio:.2f} (target <= {CALL_TARGET}): "
          f"{'PASS' if ok else 'FAIL'}")

    deps_wall = imports["deps"][0]
    print(f"\nImport time in a fresh interpreter ({args.imports} runs, median; bytecode cached, as "
          f"installed)")
    print("| import | wall (ms) | CPU (ms) | wall vs deps | without bytecode: wall (ms) | vs deps |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, (w, c) in imports.items():
        cw = compiled.get(name, (float("nan"), 0.0))[0]
        print(f"| `{IMPORTS[name]}` | {w * 1e3:.0f} | {c * 1e3:.0f} | {w / deps_wall:.2f}x | "
              f"{cw * 1e3:.0f} | {cw / compiled['deps'][0]:.2f}x |")
    ratio = imports["gptkit"][0] / deps_wall
    ok = ratio <= IMPORT_TARGET
    failed |= not ok
    print(f"\nimport gptkit / import of its dependencies = {ratio:.2f} (target <= {IMPORT_TARGET}): "
          f"{'PASS' if ok else 'FAIL'}")
    return 1 if (failed and args.check) else 0


if __name__ == "__main__":
    sys.exit(main())
