"""A local server that enforces RPM and TPM like the real service, and a load runner.

Reusable: the end-to-end tests, the Redis multi-process test and ``benchmarks/bench_ratelimit.py``
all use it, and the same ``run_load`` / ``LoadResult.fraction`` checks apply to any enforcing
server (e.g. ``gptkit.testing.FakeOpenAI`` once it enforces limits).

The enforcer is written independently of gptkit's limiter (a classic refilling token bucket,
not the reservation arithmetic) so the tests compare two implementations: it starts full,
holds ``limit * window / 60`` of each unit, refills at ``limit / 60`` a second, charges a
request its prompt estimate plus max output tokens when it arrives, refunds the unused part
when it answers, and answers 429 ``rate_limit_exceeded`` with ``x-ratelimit-*`` headers when a
request does not fit.
"""

from __future__ import annotations

import asyncio
import json
import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import gptkit
from gptkit._tokens import estimate_prompt_tokens, max_output_tokens

__all__ = ["Enforcer", "EnforcingServer", "LoadResult", "go_duration", "run_load"]


def go_duration(seconds: float) -> str:
    """Seconds as the Go duration the API sends in ``x-ratelimit-reset-*`` (``1.5s``, ``20ms``)."""
    if seconds < 1:
        return f"{max(1, math.ceil(seconds * 1000))}ms"
    return f"{seconds:.3f}s"


class _Tank:
    def __init__(self, limit: float, window: float) -> None:
        self.limit = limit
        self.capacity = limit * window / 60.0
        self.rate = limit / 60.0
        self.level = self.capacity
        self.stamp = time.monotonic()

    def refill(self, now: float) -> None:
        self.level = min(self.capacity, self.level + (now - self.stamp) * self.rate)
        self.stamp = now

    def reset_in(self) -> float:
        return (self.capacity - self.level) / self.rate


class Enforcer:
    """The server's limits (thread-safe, real time) and what it admitted."""

    def __init__(self, rpm: float, tpm: float, *, window: float = 60.0) -> None:
        self.requests = _Tank(rpm, window)
        self.tokens = _Tank(tpm, window)
        self.lock = threading.Lock()
        self.admitted = 0
        self.rejected = 0
        self.charged_tokens = 0
        #: Tokens charged less tokens refunded: what the limit actually spent.
        self.used_tokens = 0
        self.rejections: list[float] = []
        self.first: float | None = None
        self.last: float | None = None

    def headers(self) -> dict[str, str]:
        return {
            "x-ratelimit-limit-requests": str(int(self.requests.limit)),
            "x-ratelimit-limit-tokens": str(int(self.tokens.limit)),
            "x-ratelimit-remaining-requests": str(int(self.requests.level)),
            "x-ratelimit-remaining-tokens": str(int(self.tokens.level)),
            "x-ratelimit-reset-requests": go_duration(self.requests.reset_in()),
            "x-ratelimit-reset-tokens": go_duration(self.tokens.reset_in()),
        }

    def admit(self, tokens: int) -> tuple[bool, dict[str, str]]:
        with self.lock:
            now = time.monotonic()
            self.requests.refill(now)
            self.tokens.refill(now)
            ok = self.requests.level >= 1 and self.tokens.level >= tokens
            if ok:
                self.requests.level -= 1
                self.tokens.level -= tokens
                self.admitted += 1
                self.charged_tokens += tokens
                self.used_tokens += tokens
                self.first = now if self.first is None else self.first
                self.last = now
            else:
                self.rejected += 1
                self.rejections.append(now)
            headers = self.headers()
            if not ok:
                # How long until this request would fit (the real service says "try again in").
                need = max((1 - self.requests.level) / self.requests.rate,
                           (tokens - self.tokens.level) / self.tokens.rate, 0.001)
                headers["retry-after-ms"] = str(math.ceil(need * 1000))
            return ok, headers

    def refund(self, tokens: int) -> None:
        with self.lock:
            self.tokens.refill(time.monotonic())
            self.tokens.level = min(self.tokens.capacity, self.tokens.level + tokens)
            self.used_tokens -= tokens


def _completion(body: dict[str, Any], prompt: int, completion: int) -> dict[str, Any]:
    return {
        "id": "chatcmpl-load", "object": "chat.completion", "created": int(time.time()),
        "model": body.get("model", "gpt-4o"),
        "choices": [{"index": 0, "finish_reason": "stop",
                     "message": {"role": "assistant", "content": "ok " * completion}}],
        "usage": {"prompt_tokens": prompt, "completion_tokens": completion,
                  "total_tokens": prompt + completion},
    }


class _Server(ThreadingHTTPServer):
    request_queue_size = 1024  # hundreds of clients connect at once (the default backlog is 5)
    daemon_threads = True


class EnforcingServer:
    """An OpenAI-style chat endpoint on 127.0.0.1 that enforces an ``Enforcer``'s limits.

    ``latency`` seconds pass between admitting a request and answering it; the answer's usage
    is the prompt estimate plus ``completion_tokens`` (less than the charge: the rest is
    refunded, as on the real service).
    """

    def __init__(self, enforcer: Enforcer, *, latency: float = 0.01, completion_tokens: int = 5) -> None:
        self.enforcer = enforcer
        self.latency = latency
        self.completion_tokens = completion_tokens
        self._httpd = _Server(("127.0.0.1", 0), self._handler_class())
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}/v1"

    def __enter__(self) -> EnforcingServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # headers and body go out in two writes

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def _send(self, status: int, payload: dict[str, Any], headers: dict[str, str]) -> None:
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(data)))
                for name, value in headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(data)

            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers.get("content-length", 0))))
                prompt = estimate_prompt_tokens(body)
                charge = prompt + max_output_tokens(body)
                ok, headers = server.enforcer.admit(charge)
                if not ok:
                    error = {"message": "Rate limit reached for requests (local enforcing server).",
                             "type": "requests", "param": None, "code": "rate_limit_exceeded"}
                    self._send(429, {"error": error}, headers)
                    return
                time.sleep(server.latency)
                completion = min(server.completion_tokens, max_output_tokens(body))
                server.enforcer.refund(charge - prompt - completion)
                self._send(200, _completion(body, prompt, completion), headers)

        return Handler


@dataclass
class LoadResult:
    """What a run achieved, in the server's own counts."""

    sent: int
    ok: int
    rate_limited: int
    elapsed: float
    rpm: float
    tpm: float
    window: float
    used_tokens: int = 0

    def allowed(self) -> tuple[float, float]:
        """The most requests and tokens the server could admit in ``elapsed`` (burst + rate)."""
        return (self.rpm * (self.window + self.elapsed) / 60.0, self.tpm * (self.window + self.elapsed) / 60.0)

    @property
    def fraction(self) -> float:
        """Achieved share of the allowed rate, by whichever of requests and tokens binds."""
        requests, tokens = self.allowed()
        return max(self.ok / requests, self.used_tokens / tokens)

    def summary(self) -> str:
        return (f"{self.ok}/{self.sent} ok, {self.rate_limited} x 429, {self.elapsed:.2f}s, "
                f"{self.fraction:.1%} of the allowed rate")


def request_body(index: int, max_tokens: int) -> dict[str, Any]:
    content = f"Request {index}: " + "lorem ipsum " * (index % 7 + 3)
    return {"model": "gpt-4o", "messages": [{"role": "user", "content": content}], "max_tokens": max_tokens}


async def fire(client: gptkit.AsyncClient, count: int, *, max_tokens: int = 60, offset: int = 0,
               gate: Callable[[], Any] | None = None) -> tuple[int, int]:
    """Send ``count`` chat requests at once (no retries); returns (ok, 429s) as the client saw."""
    async def one(index: int) -> bool:
        if gate is not None:
            async with gate():
                return await send(index)
        return await send(index)

    async def send(index: int) -> bool:
        try:
            await client.chat.completions.create(**request_body(index, max_tokens))
            return True
        except gptkit.RateLimitError:
            return False

    results = await asyncio.gather(*(one(offset + i) for i in range(count)))
    return sum(results), len(results) - sum(results)


def run_load(base_url: str, enforcer: Enforcer, count: int, *, rate_limit: Any = None, window: float,
             max_tokens: int = 60, gate: Callable[[], Any] | None = None, max_retries: int = 0) -> LoadResult:
    """Fire ``count`` requests at the server through one AsyncClient; the server's counts."""
    async def main() -> None:
        async with gptkit.AsyncClient(api_key="sk-load", base_url=base_url, max_retries=max_retries,
                                      rate_limit=rate_limit) as client:
            await fire(client, count, max_tokens=max_tokens, gate=gate)

    asyncio.run(main())
    return result_of(enforcer, count, window)


def result_of(enforcer: Enforcer, sent: int, window: float) -> LoadResult:
    first, last = enforcer.first or 0.0, enforcer.last or 0.0
    return LoadResult(sent=sent, ok=enforcer.admitted, rate_limited=enforcer.rejected, elapsed=last - first,
                      rpm=enforcer.requests.limit, tpm=enforcer.tokens.limit, window=window,
                      used_tokens=enforcer.used_tokens)


def process_worker(args: tuple[str, str, str, dict[str, Any], int, int, float]) -> tuple[int, int]:
    """One of several processes sharing a limit through Redis (run under multiprocessing).

    ``args``: base_url, redis_url, key prefix, RateLimit options, requests to send, index offset,
    and the wall-clock time to start at (so every process starts together).
    """
    base_url, redis_url, prefix, options, count, offset, start_at = args
    limit = gptkit.RateLimit(**options, backend=gptkit.RedisBackend(redis_url, prefix=prefix))

    async def main() -> tuple[int, int]:
        async with gptkit.AsyncClient(api_key="sk-load", base_url=base_url, max_retries=0,
                                      rate_limit=limit) as client:
            await asyncio.sleep(max(0.0, start_at - time.time()))
            return await fire(client, count, offset=offset)

    return asyncio.run(main())
