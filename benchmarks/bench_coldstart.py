"""Cold start and memory: the first call of a fresh process, and what a process holds, in one run.

Compares gptkit with raw httpx (the floor: no types, no checks) and the official ``openai``
package against the same local server (``_server.py``, a child process on 127.0.0.1, so its CPU
is not counted), every contender interleaved in the same run so that the ratios compare like with
like on a busy machine:

* **cold start**: a fresh interpreter per sample runs ``import`` + client construction + its first
  call and times itself from its first statement (interpreter start-up, the same for all, is
  shown apart), with cached bytecode, as installed (pip compiles ``.pyc`` files at install: here
  a private ``PYTHONPYCACHEPREFIX``, after a warm-up run). Three first calls: a chat completion
  (gptkit records its cost in the ledger, as it always does), a streamed chat completion read to
  the end, a Responses API call (``client.responses.create``). Raw httpx is ``httpx.Client()``, one
  ``post`` and ``json.loads`` (streamed: ``iter_lines`` and ``json.loads`` per ``data:`` line).
  gptkit's extra time to read the cost afterwards (``.cost``) is shown too;
* **RSS after the first call** (``VmRSS`` of those same processes, median);
* **peak RSS with 256 async calls outstanding**: a fresh process per sample makes 5,000 chat
  completions from 256 tasks, the server answering each round of requests together (``/held/``:
  all 256 outstanding at once); the process's max RSS;
* **streaming CPU per chunk** on one 5,000-chunk stream (``bench_streaming.py``'s server and
  readers, best of ``--rounds``);
* **per-call CPU** (``bench_calls.py``) and **requests/s at 256 concurrent calls**
  (``bench_concurrency.py``'s children), so that a cold-start gain that costs the hot path shows.

Targets (issue 19): cold start <= 2x raw httpx (each of the three first calls); RSS after the first
call <= 1.3x; peak RSS at 256 outstanding <= 1.2x raw httpx and below openai's; streaming CPU per
chunk <= 1.2x; per-call CPU <= 1.15x raw httpx; requests/s at 256 concurrent >= the fastest raw
client.

Run: ``python benchmarks/bench_coldstart.py`` (a report, exit code 0) or ``--check`` (exit code 1
when a target is missed). ``--starts``, ``--rss-reps`` and the others trade time for precision.
"""

from __future__ import annotations

import argparse
import datetime
import json
import multiprocessing
import os
import statistics
import subprocess
import sys
import tempfile
import time
from typing import Any

from _server import REQUEST_BODY, RESPONSES_BODY, start_server, stop_server

API_KEY = "sk-bench-0123456789"
CLIENTS = ("raw httpx", "openai", "gptkit")
#: For information (first chat call only): raw httpx that also validates with pydantic, the
#: floor of any client whose parameters and responses are pydantic-checked.
FLOOR = "httpx + pydantic"
SCENARIOS = ("chat", "stream", "responses")
TARGETS = {
    "cold start": 2.0, "rss": 1.3, "peak rss": 1.2, "stream chunk": 1.2, "per call": 1.15, "throughput": 1.0,
}

_HEAD = "import time as _t\n_w = _t.perf_counter(); _c = _t.process_time()\n"
_TAIL = """
_w = _t.perf_counter() - _w; _c = _t.process_time() - _c
with open("/proc/self/status") as _f:
    _rss = int(_f.read().split("VmRSS:")[1].split()[0]) * 1024
_extra = None
{after}
import json as _j
print(_j.dumps({{"wall": _w, "cpu": _c, "rss": _rss, "extra": _extra}}))
"""

_SETUP = {
    "raw httpx": "import httpx, json\nclient = httpx.Client()\nheaders = {'Authorization': 'Bearer %s'}\n",
    "openai": "import openai\nclient = openai.OpenAI(api_key=%r, base_url=URL)\n",
    "gptkit": "import gptkit\nclient = gptkit.Client(api_key=%r, base_url=URL)\n",
}

_FLOOR_PROGRAM = """
import httpx, json
from typing import TypedDict
import pydantic
from pydantic import BaseModel, ConfigDict

class Message(BaseModel):
    model_config = ConfigDict(extra="allow")
    role: str
    content: str | None = None

class Choice(BaseModel):
    index: int
    message: Message
    finish_reason: str | None = None

class Completion(BaseModel):
    id: str
    choices: list[Choice]
    model: str

class Params(TypedDict, total=False):
    model: str
    messages: list[dict[str, str]]
    temperature: float
    max_tokens: int

client = httpx.Client()
headers = {'Authorization': 'Bearer %s'}
body = pydantic.TypeAdapter(Params).validate_python(BODY)
response = client.post(URL + '/chat/completions', json=body, headers=headers)
response.raise_for_status()
result = Completion.model_validate_json(response.content)
"""

_CALL = {
    ("raw httpx", "chat"): (
        "response = client.post(URL + '/chat/completions', json=BODY, headers=headers)\n"
        "response.raise_for_status()\nresult = json.loads(response.content)\n"
    ),
    ("raw httpx", "stream"): (
        "with client.stream('POST', URL + '/chat/completions', headers=headers,\n"
        "                   json={**BODY, 'stream': True, 'stream_options': {'include_usage': True}}) as r:\n"
        "    r.raise_for_status()\n"
        "    for line in r.iter_lines():\n"
        "        if line.startswith('data: ') and line != 'data: [DONE]':\n"
        "            result = json.loads(line[6:])\n"
    ),
    ("raw httpx", "responses"): (
        "response = client.post(URL + '/responses', json=RBODY, headers=headers)\n"
        "response.raise_for_status()\nresult = json.loads(response.content)\n"
    ),
    ("openai", "chat"): "result = client.chat.completions.create(**BODY)\n",
    ("openai", "stream"): (
        "result = client.chat.completions.create(**BODY, stream=True,\n"
        "                                        stream_options={'include_usage': True})\n"
        "for chunk in result:\n    pass\n"
    ),
    ("openai", "responses"): "result = client.responses.create(**RBODY)\n",
    ("gptkit", "chat"): "result = client.chat.completions.create(**BODY)\n",
    ("gptkit", "stream"): (
        "result = client.chat.completions.create(**BODY, stream=True)\nfor chunk in result:\n    pass\n"
    ),
    ("gptkit", "responses"): "result = client.responses.create(**RBODY)\n",
}

#: gptkit only, after the timed part: how long reading the recorded cost takes (it may be priced
#: only then), and a check that it is right.
_READ_COST = """
_e = _t.perf_counter()
assert result.cost is not None and result.cost.total > 0, result.cost
assert client.ledger.total_cost == result.cost.total
_extra = _t.perf_counter() - _e
"""


def _program(client: str, scenario: str, url: str) -> str:
    consts = f"URL = {url!r}\nBODY = {REQUEST_BODY!r}\nRBODY = {RESPONSES_BODY!r}\n"
    if client == FLOOR:
        return _HEAD + consts + _FLOOR_PROGRAM % (API_KEY,) + _TAIL.format(after="")
    setup = _SETUP[client] % (API_KEY,)
    after = _READ_COST if client == "gptkit" else ""
    return _HEAD + consts + setup + _CALL[client, scenario] + _TAIL.format(after=after)


def _bytecode_env(cache: str) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = cache
    return env


#: ``--before PATH``: also run gptkit's programs against the gptkit package found in PATH (e.g.
#: an older checkout, ``git archive <commit> gptkit | tar -x -C PATH``), as "gptkit before".
BEFORE = "gptkit before"


def _child(code: str, env: dict[str, str]) -> dict[str, Any] | None:
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False, env=env)
    if out.returncode != 0:
        print(out.stderr[-1500:], file=sys.stderr)
        return None
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    result["process"] = time.perf_counter() - start
    return result


def bench_cold_starts(url: str, repeats: int, env: dict[str, str],
                      before: str | None = None) -> dict[tuple[str, str], dict[str, float]]:
    """(client, scenario) -> medians of wall, cpu, rss, extra and whole-process seconds."""
    programs = {(c, s): _program(c, s, url) for s in SCENARIOS for c in CLIENTS}
    programs[FLOOR, "chat"] = _program(FLOOR, "chat", url)
    envs = dict.fromkeys(programs, env)
    if before:
        for scenario in SCENARIOS:
            programs[BEFORE, scenario] = _program("gptkit", scenario, url)
            envs[BEFORE, scenario] = {**env, "PYTHONPATH": before}
    for key, code in programs.items():
        _child(code, envs[key])  # warm-up: writes the bytecode cache (and fills the OS's file cache)
    samples: dict[tuple[str, str], list[dict[str, Any]]] = {key: [] for key in programs}
    keys = list(programs)
    for rep in range(repeats):
        order = keys[rep % len(keys):] + keys[: rep % len(keys)]  # rotate who goes first
        for key in order:
            found = _child(programs[key], envs[key])
            if found is not None:
                samples[key].append(found)
    return {
        key: {field: statistics.median(s[field] for s in runs) if runs[0][field] is not None else float("nan")
              for field in ("wall", "cpu", "rss", "extra", "process")}
        for key, runs in samples.items() if runs
    }


_PEAK = """
import asyncio, json, resource, sys
URL, BODY, NAME, CALLS, CONCURRENCY = sys.argv[1], {body!r}, sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
KEY = {key!r}

async def main():
    held = URL.replace("/v1", "/held/v1")
    if NAME == "raw httpx":
        import httpx
        http = httpx.AsyncClient(timeout=httpx.Timeout(600.0, connect=5.0))
        headers = {{"Authorization": "Bearer " + KEY}}

        async def call():
            response = await http.post(held + "/chat/completions", json=BODY, headers=headers)
            response.raise_for_status()
            return json.loads(response.content)
        close = http.aclose
    elif NAME == "openai":
        import openai
        client = openai.AsyncOpenAI(api_key=KEY, base_url=held)
        call = lambda: client.chat.completions.create(**BODY)
        close = client.close
    else:
        import gptkit
        client = gptkit.AsyncClient(api_key=KEY, base_url=held)
        call = lambda: client.chat.completions.create(**BODY)
        close = client.aclose
    left = CALLS

    async def worker():
        nonlocal left
        while left > 0:
            left -= 1
            await call()

    await asyncio.gather(*(worker() for _ in range(CONCURRENCY)))
    await close()

asyncio.run(main())
with open("/proc/self/status") as f:
    rss = int(f.read().split("VmRSS:")[1].split()[0]) * 1024
print(json.dumps({{"peak": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024, "rss": rss}}))
"""


def bench_peak_rss(url: str, reps: int, calls: int, concurrency: int,
                   env: dict[str, str]) -> dict[str, dict[str, float]]:
    """client -> median max RSS (and RSS at the end) of a process making ``calls`` calls."""
    code = _PEAK.format(body=REQUEST_BODY, key=API_KEY)
    samples: dict[str, list[dict[str, Any]]] = {name: [] for name in CLIENTS}
    for rep in range(reps):
        order = CLIENTS[rep % len(CLIENTS):] + CLIENTS[: rep % len(CLIENTS)]
        for name in order:
            out = subprocess.run([sys.executable, "-c", code, url, name, str(calls), str(concurrency)],
                                 capture_output=True, text=True, check=False, env=env)
            if out.returncode != 0:
                print(f"{name}: failed\n{out.stderr[-1500:]}", file=sys.stderr)
                continue
            samples[name].append(json.loads(out.stdout.strip().splitlines()[-1]))
    return {name: {k: statistics.median(r[k] for r in runs) for k in runs[0]}
            for name, runs in samples.items() if runs}


def bench_stream_chunks(rounds: int) -> dict[str, float]:
    """client -> CPU seconds per chunk on one 5,000-chunk stream (bench_streaming's method)."""
    import bench_streaming as bs
    import httpx

    import gptkit

    ports: Any = multiprocessing.Queue()
    server = multiprocessing.Process(target=bs._serve, args=(ports,), daemon=True)
    server.start()
    try:
        base = f"http://127.0.0.1:{ports.get(timeout=10)}/v1"
        http = httpx.Client(timeout=30)
        kit = gptkit.Client(api_key=API_KEY, base_url=base, max_retries=0)
        contenders = {
            "raw httpx + json.loads": lambda s, c: bs.raw_httpx(http, base, s, c),
            "gptkit": lambda s, c: bs.with_gptkit(kit, s, c),
        }
        try:
            import openai

            oai = openai.OpenAI(api_key=API_KEY, base_url=base, max_retries=0)
            contenders["openai"] = lambda s, c: bs.with_openai(oai, s, c)
        except ImportError:
            pass
        rows = bs._workload("long", contenders, *bs.LONG, rounds)
    finally:
        server.terminate()
    return {name: micros / 1e6 for _, name, _, micros, _ in rows}


def bench_throughput(url: str, reps: int, env: dict[str, str]) -> dict[str, float]:
    """client -> median requests/s of 256 concurrent tasks (bench_concurrency.py's children)."""
    script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "bench_concurrency.py")
    samples: dict[str, list[float]] = {name: [] for name in CLIENTS}
    for rep in range(reps):
        order = CLIENTS[rep % len(CLIENTS):] + CLIENTS[: rep % len(CLIENTS)]
        for name in order:
            out = subprocess.run([sys.executable, script, "--child", name, "--url", url],
                                 capture_output=True, text=True, check=False, env=env)
            if out.returncode != 0:
                print(f"{name}: failed\n{out.stderr[-1500:]}", file=sys.stderr)
                continue
            samples[name].append(json.loads(out.stdout.strip().splitlines()[-1])["rps"])
    return {name: statistics.median(v) for name, v in samples.items() if v}


class _Verdicts:
    def __init__(self) -> None:
        self.rows: list[tuple[str, float, str, bool]] = []

    def add(self, what: str, ratio: float, target: str, ok: bool) -> None:
        self.rows.append((what, ratio, target, ok))

    def print(self) -> bool:
        today = datetime.datetime.now(datetime.timezone.utc).date().isoformat()
        print(f"\n### Targets ({today})\n")
        print("| target | gptkit / raw httpx | target | result |")
        print("|---|---:|---|---|")
        for what, ratio, target, ok in self.rows:
            print(f"| {what} | {ratio:.2f}x | {target} | {'PASS' if ok else 'FAIL'} |")
        return all(ok for *_, ok in self.rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--starts", type=int, default=11, help="fresh processes per client and first call")
    parser.add_argument("--rss-reps", type=int, default=3, help="fresh processes per client (peak RSS)")
    parser.add_argument("--rss-calls", type=int, default=5000, help="calls per peak-RSS process")
    parser.add_argument("--concurrency", type=int, default=256, help="tasks in the peak-RSS processes")
    parser.add_argument("--rounds", type=int, default=5, help="streaming rounds (best kept)")
    parser.add_argument("--calls", type=int, default=300, help="calls per per-call CPU repetition")
    parser.add_argument("--reps", type=int, default=7, help="per-call CPU repetitions (median)")
    parser.add_argument("--throughput-reps", type=int, default=2, help="fresh processes per client (req/s)")
    parser.add_argument("--only", default="", help="comma-separated parts: cold,peak,stream,calls,throughput")
    parser.add_argument("--before", help="also time the first calls of the gptkit package in this directory")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args()
    parts = set(args.only.split(",")) if args.only else {"cold", "peak", "stream", "calls", "throughput"}

    verdicts = _Verdicts()
    with tempfile.TemporaryDirectory(prefix="gptkit-bench-pyc-") as cache:
        env = _bytecode_env(cache)
        base_url, server = start_server()
        try:
            cold = bench_cold_starts(base_url, args.starts, env, args.before) if "cold" in parts else {}
            peak = (bench_peak_rss(base_url, args.rss_reps, args.rss_calls, args.concurrency, env)
                    if "peak" in parts else {})
            if "calls" in parts:
                from bench_calls import bench_calls

                per_call = bench_calls(base_url, args.calls, args.reps)
            else:
                per_call = {}
            rps = bench_throughput(base_url, args.throughput_reps, env) if "throughput" in parts else {}
        finally:
            stop_server(server)
    chunks = bench_stream_chunks(args.rounds) if "stream" in parts else {}

    if cold:
        print(f"\n### First call in a fresh process ({args.starts} processes each, median; "
              f"bytecode cached)\n")
        print("| first call | client | import + client + call (ms) | CPU (ms) | vs raw httpx | "
              "RSS after (MiB) | vs raw httpx | whole process (ms) | then reading `.cost` (ms) |")
        print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
        for scenario in SCENARIOS:
            raw = cold.get(("raw httpx", scenario))
            for client in (CLIENTS[0], FLOOR, *CLIENTS[1:], BEFORE):
                row = cold.get((client, scenario))
                if row is None or raw is None:
                    continue
                extra = f"{row['extra'] * 1e3:.1f}" if row["extra"] == row["extra"] else "-"
                print(f"| {scenario} | {client} | {row['wall'] * 1e3:.0f} | {row['cpu'] * 1e3:.0f} | "
                      f"{row['wall'] / raw['wall']:.2f}x | {row['rss'] / 2**20:.1f} | "
                      f"{row['rss'] / raw['rss']:.2f}x | {row['process'] * 1e3:.0f} | {extra} |")
            if raw and (gk := cold.get(("gptkit", scenario))):
                ratio = gk["wall"] / raw["wall"]
                verdicts.add(f"cold start, first {scenario} call", ratio, f"<= {TARGETS['cold start']}x",
                             ratio <= TARGETS["cold start"])
        raw, gk = cold.get(("raw httpx", "chat")), cold.get(("gptkit", "chat"))
        if raw and gk:
            ratio = gk["rss"] / raw["rss"]
            verdicts.add("RSS after the first chat call", ratio, f"<= {TARGETS['rss']}x",
                         ratio <= TARGETS["rss"])
    if peak:
        print(f"\n### Peak RSS, {args.rss_calls:,} calls from {args.concurrency} tasks, all outstanding "
              f"at once ({args.rss_reps} processes each, median)\n")
        print("| client | max RSS (MiB) | vs raw httpx | RSS at the end (MiB) |")
        print("|---|---:|---:|---:|")
        raw = peak.get("raw httpx")
        for name, row in peak.items():
            vs = f"{row['peak'] / raw['peak']:.2f}x" if raw else "-"
            print(f"| {name} | {row['peak'] / 2**20:.1f} | {vs} | {row['rss'] / 2**20:.1f} |")
        gk, oa = peak.get("gptkit"), peak.get("openai")
        if raw and gk:
            ratio = gk["peak"] / raw["peak"]
            below = oa is None or gk["peak"] < oa["peak"]
            verdicts.add(f"peak RSS, {args.concurrency} outstanding", ratio,
                         f"<= {TARGETS['peak rss']}x and below openai's",
                         ratio <= TARGETS["peak rss"] and below)
    if chunks:
        print("\n### Streaming: CPU per chunk, one stream of 5,000 chunks (best of rounds)\n")
        print("| client | CPU µs/chunk | vs raw httpx + json.loads |")
        print("|---|---:|---:|")
        floor = chunks["raw httpx + json.loads"]
        for name, value in chunks.items():
            print(f"| {name} | {value * 1e6:.2f} | {value / floor:.2f}x |")
        ratio = chunks["gptkit"] / floor
        verdicts.add("streaming CPU per chunk", ratio, f"<= {TARGETS['stream chunk']}x",
                     ratio <= TARGETS["stream chunk"])
    if per_call:
        print(f"\n### Per-call client CPU ({args.calls} sequential calls x {args.reps}, median)\n")
        print("| client | CPU per call (µs) | vs raw httpx |")
        print("|---|---:|---:|")
        for name, value in per_call.items():
            print(f"| {name} | {value * 1e6:.0f} | {value / per_call['raw httpx']:.2f}x |")
        ratio = per_call["gptkit"] / per_call["raw httpx"]
        verdicts.add("per-call CPU", ratio, f"<= {TARGETS['per call']}x", ratio <= TARGETS["per call"])
    if rps:
        print(f"\n### Requests/s, 256 concurrent tasks x 4 calls ({args.throughput_reps} processes each, "
              f"median)\n")
        print("| client | requests/s | vs raw httpx |")
        print("|---|---:|---:|")
        for name, value in rps.items():
            print(f"| {name} | {value:.0f} | {value / rps['raw httpx']:.2f}x |")
        fastest = max(v for n, v in rps.items() if n != "gptkit")
        verdicts.add("requests/s at 256 concurrent (vs the fastest raw client)", rps["gptkit"] / fastest,
                     ">= 1.0x", rps["gptkit"] >= fastest)
    passed = verdicts.print()
    return 1 if (args.check and not passed) else 0


if __name__ == "__main__":
    sys.exit(main())
