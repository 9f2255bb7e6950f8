"""Streaming throughput: typed chunks per second and client CPU per chunk, in one run.

Three clients read the same chat-completion streams from a local HTTP server (a child process on
127.0.0.1, so its work is not counted): gptkit, the official ``openai`` package, and raw httpx
with ``json.loads`` on each ``data:`` line (the floor: no types, no checks). Two workloads: one
long stream of 5,000 chunks, and 200 short streams of 20 chunks each.

CPU is the client thread's CPU time (``time.thread_time``); each figure is the best of several
rounds, with the clients taking turns. Run: ``python benchmarks/bench_streaming.py [--rounds N]``.
The target for gptkit is at most 1.5x the CPU per chunk of raw httpx + ``json.loads``.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx

import gptkit

LONG = (1, 5_000)  # streams, chunks per stream
SHORT = (200, 20)
WORDS = [" the", " quick", " brown", " fox", " jumps", " over", " lazy", " dogs", ",", " and", " then"]


def _stream_body(chunks: int) -> bytes:
    """An event stream shaped like OpenAI's: role chunk, content chunks, finish, usage, [DONE]."""
    head = {"id": "chatcmpl-BENCH0123456789abcdefghijkl", "object": "chat.completion.chunk",
            "created": 1_727_000_000, "model": "gpt-4o-2024-08-06", "service_tier": "default",
            "system_fingerprint": "fp_0123456789"}

    def event(choices: list[Any], usage: Any = None) -> bytes:
        return b"data: " + json.dumps({**head, "choices": choices, "usage": usage},
                                      separators=(",", ":")).encode() + b"\n\n"

    events = [event([{"index": 0, "delta": {"role": "assistant", "content": "", "refusal": None},
                      "logprobs": None, "finish_reason": None}])]
    events += [event([{"index": 0, "delta": {"content": WORDS[i % len(WORDS)]}, "logprobs": None,
                       "finish_reason": None}]) for i in range(chunks - 3)]
    events.append(event([{"index": 0, "delta": {}, "logprobs": None, "finish_reason": "stop"}]))
    events.append(event([], {"prompt_tokens": 12, "completion_tokens": chunks, "total_tokens": chunks + 12,
                             "prompt_tokens_details": {"cached_tokens": 0, "audio_tokens": 0},
                             "completion_tokens_details": {"reasoning_tokens": 0, "audio_tokens": 0}}))
    events.append(b"data: [DONE]\n\n")
    return b"".join(events)


def _serve(port_queue: Any) -> None:
    bodies: dict[int, list[bytes]] = {}

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # TCP_NODELAY, as production servers set it: without it, Nagle's algorithm here and
        # delayed ACKs in the client stall every response on a reused connection by ~40 ms.
        disable_nagle_algorithm = True

        def log_message(self, *args: Any) -> None:
            pass

        def do_POST(self) -> None:
            request = json.loads(self.rfile.read(int(self.headers["content-length"])))
            count = int(request.get("max_tokens", 20))
            events = bodies.get(count)
            if events is None:
                events = bodies[count] = [e + b"\n\n" for e in _stream_body(count).split(b"\n\n") if e]
            self.send_response(200)
            self.send_header("content-type", "text/event-stream")
            self.send_header("transfer-encoding", "chunked")
            self.send_header("x-request-id", "req_bench")
            self.end_headers()
            # One HTTP chunk per event, several events per write (as a busy server's buffers do).
            out = [b"%x\r\n%s\r\n" % (len(e), e) for e in events]
            for i in range(0, len(out), 16):
                self.wfile.write(b"".join(out[i : i + 16]))
            self.wfile.write(b"0\r\n\r\n")

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    port_queue.put(server.server_address[1])
    server.serve_forever()


# -- the three clients: each reads `streams` streams and returns the number of chunks parsed ----

def raw_httpx(http: httpx.Client, base: str, streams: int, chunks: int) -> int:
    parsed = 0
    body = {"model": "gpt-4o", "messages": [{"role": "user", "content": "hi"}], "stream": True,
            "max_tokens": chunks, "stream_options": {"include_usage": True}}
    for _ in range(streams):
        with http.stream("POST", base + "/chat/completions", json=body,
                         headers={"authorization": "Bearer sk-bench"}) as response:
            # Read to the end (no break at [DONE]) so the connection is reused, as gptkit does.
            for line in response.iter_lines():
                if line.startswith("data: "):
                    data = line[6:]
                    if data != "[DONE]":
                        json.loads(data)
                        parsed += 1
    return parsed


def with_gptkit(client: gptkit.Client, streams: int, chunks: int) -> int:
    parsed = 0
    for _ in range(streams):
        stream = client.chat.completions.create(
            model="gpt-4o", messages=[{"role": "user", "content": "hi"}], stream=True, max_tokens=chunks
        )
        for _chunk in stream:
            parsed += 1
        parsed += 1  # the usage chunk, parsed and recorded but not shown
    return parsed


def with_openai(client: Any, streams: int, chunks: int) -> int:
    parsed = 0
    for _ in range(streams):
        stream = client.chat.completions.create(
            model="gpt-4o", messages=[{"role": "user", "content": "hi"}], stream=True, max_tokens=chunks,
            stream_options={"include_usage": True},
        )
        for _chunk in stream:
            parsed += 1
    return parsed


def _measure(fn: Callable[[], int]) -> tuple[float, float, int]:
    cpu0, wall0 = time.thread_time(), time.perf_counter()
    count = fn()
    return time.thread_time() - cpu0, time.perf_counter() - wall0, count


def _workload(
    label: str, contenders: dict[str, Callable[[int, int], int]], streams: int, chunks: int, rounds: int
) -> list[tuple[str, str, float, float, float]]:
    best: dict[str, tuple[float, float, int]] = {}
    for run in contenders.values():
        run(streams, chunks)  # warm up: connections, validators, caches
    for _ in range(rounds):
        for name, run in contenders.items():
            cpu, wall, count = _measure(lambda: run(streams, chunks))  # noqa: B023 - called at once
            if name not in best or cpu < best[name][0]:
                best[name] = (cpu, wall, count)
    floor = best["raw httpx + json.loads"]
    floor_per_chunk = floor[0] / floor[2]
    rows = []
    for name, (cpu, wall, count) in best.items():
        per_chunk = cpu / count
        rows.append((label, name, count / wall, per_chunk * 1e6, per_chunk / floor_per_chunk))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    ports: Any = multiprocessing.Queue()
    server = multiprocessing.Process(target=_serve, args=(ports,), daemon=True)
    server.start()
    base = f"http://127.0.0.1:{ports.get(timeout=10)}/v1"

    http = httpx.Client(timeout=30)
    kit = gptkit.Client(api_key="sk-bench", base_url=base, max_retries=0)
    contenders: dict[str, Callable[[int, int], int]] = {
        "raw httpx + json.loads": lambda s, c: raw_httpx(http, base, s, c),
        "gptkit": lambda s, c: with_gptkit(kit, s, c),
    }
    try:
        import openai

        oai = openai.OpenAI(api_key="sk-bench", base_url=base, max_retries=0)
        contenders[f"openai {openai.__version__}"] = lambda s, c: with_openai(oai, s, c)
    except ImportError:
        print("(the openai package is not installed: pip install openai to compare with it)")

    rows = []
    for label, (streams, chunks) in (("1 stream x 5,000 chunks", LONG), ("200 streams x 20 chunks", SHORT)):
        rows.extend(_workload(label, contenders, streams, chunks, args.rounds))
    print("\n| workload | client | chunks/s (wall) | CPU µs/chunk | CPU vs raw |")
    print("|---|---|---:|---:|---:|")
    for label, name, rate, micros, ratio in rows:
        print(f"| {label} | {name} | {rate:,.0f} | {micros:.2f} | {ratio:.2f}x |")
    server.terminate()


if __name__ == "__main__":
    main()
