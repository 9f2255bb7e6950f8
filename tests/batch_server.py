"""A small, fast OpenAI-compatible HTTP/1.1 server on 127.0.0.1 for batch tests and benchmarks.

Stands in for ``gptkit.testing.FakeOpenAI`` until that lands. Keep-alive, Content-Length bodies,
no dependencies. Faults are injected per request by directives in the prompt text:

- ``fail=503:2``  answer the first 2 attempts of this prompt with 503 (``fail=400:*``: always)
- ``429=1``       the first attempt gets a 429 with ``retry-after-ms: 1``
- ``reset=1``     the first attempt's connection is closed without an answer
- ``quota``       always a 429 ``insufficient_quota``

Run ``python tests/batch_server.py [--delay S]``: it prints ``PORT <n>`` and serves until killed.
``GET /stats`` returns how often each prompt was requested.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import re
import sys
import threading
from collections import Counter
from typing import Any

_DIRECTIVE = re.compile(r"(fail|429|reset)=(\d+)(?::(\d+|\*))?")


class Server:
    def __init__(self, delay: float = 0.0) -> None:
        self.delay = delay
        self.counts: Counter[str] = Counter()
        self.requests = 0

    def _prompt(self, body: dict[str, Any]) -> str:
        if "messages" in body:
            content = body["messages"][-1].get("content", "")
            return content if isinstance(content, str) else json.dumps(content)
        value = body.get("prompt", body.get("input", ""))
        return value if isinstance(value, str) else json.dumps(value)

    def answer(self, path: str, body: dict[str, Any]) -> tuple[int, dict[str, str], Any] | None:
        """``(status, headers, json)``, or None to drop the connection."""
        prompt = self._prompt(body)
        self.counts[prompt] += 1
        attempt = self.counts[prompt]
        if "quota" in prompt.split():
            return 429, {}, {"error": {"message": "You exceeded your current quota", "type": "insufficient_quota",
                                       "code": "insufficient_quota"}}
        for kind, first, second in _DIRECTIVE.findall(prompt):
            if kind == "fail":
                status, times = int(first), second or "1"
                if times == "*" or attempt <= int(times):
                    return status, {}, {"error": {"message": f"injected {status}", "type": "server_error"
                                                  if status >= 500 else "invalid_request_error",
                                                  "code": "injected"}}
            elif kind == "429" and attempt <= int(first):
                return 429, {"retry-after-ms": "1"}, {"error": {"message": "Rate limit reached",
                                                                "type": "requests", "code": "rate_limit_exceeded"}}
            elif kind == "reset" and attempt <= int(first):
                return None
        tokens = max(1, len(prompt) // 4)
        if path.endswith("/embeddings"):
            return 200, {}, {"object": "list", "model": body.get("model", "m"),
                             "data": [{"object": "embedding", "index": 0, "embedding": [0.5, -0.25, 0.125]}],
                             "usage": {"prompt_tokens": tokens, "total_tokens": tokens}}
        usage = {"prompt_tokens": tokens, "completion_tokens": 5, "total_tokens": tokens + 5}
        if path.endswith("/completions") and "chat" not in path:
            return 200, {}, {"id": "cmpl-1", "object": "text_completion", "created": 1, "model": body.get("model"),
                             "choices": [{"index": 0, "text": "echo: " + prompt, "finish_reason": "stop"}],
                             "usage": usage}
        return 200, {}, {
            "id": f"chatcmpl-{self.requests}", "object": "chat.completion", "created": 1_700_000_000,
            "model": body.get("model", "gpt-4o-mini"),
            "choices": [{"index": 0, "message": {"role": "assistant", "content": "echo: " + prompt},
                         "finish_reason": "stop"}],
            "usage": usage,
        }

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                lines = head.decode("latin-1").split("\r\n")
                method, target, _ = lines[0].split(" ", 2)
                length = 0
                for line in lines[1:]:
                    if line.lower().startswith("content-length:"):
                        length = int(line.split(":", 1)[1])
                raw = await reader.readexactly(length) if length else b""
                self.requests += 1
                if method == "GET" and target == "/stats":
                    status, headers, payload = 200, {}, {"requests": self.requests, "counts": dict(self.counts)}
                else:
                    if self.delay:
                        await asyncio.sleep(self.delay)
                    result = self.answer(target, json.loads(raw) if raw else {})
                    if result is None:
                        writer.transport.abort()
                        return
                    status, headers, payload = result
                data = json.dumps(payload).encode()
                extra = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
                writer.write(
                    f"HTTP/1.1 {status} X\r\ncontent-type: application/json\r\ncontent-length: {len(data)}\r\n"
                    f"x-request-id: req_{self.requests}\r\n{extra}\r\n".encode() + data
                )
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()


async def serve(port: int = 0, delay: float = 0.0, started: Any = None) -> None:
    server_state = Server(delay)
    server = await asyncio.start_server(server_state.handle, "127.0.0.1", port, backlog=1024)
    bound = server.sockets[0].getsockname()[1]
    if started is not None:
        started(bound, server_state)
    else:
        print(f"PORT {bound}", flush=True)
    async with server:
        await server.serve_forever()


class ThreadServer:
    """The server on a background thread of this process (for in-process tests)."""

    def __init__(self, delay: float = 0.0) -> None:
        self._ready = threading.Event()
        self.port = 0
        self.state: Server | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread = threading.Thread(target=self._main, args=(delay,), daemon=True)
        self._thread.start()
        self._ready.wait(10)

    def _main(self, delay: float) -> None:
        self._loop = asyncio.new_event_loop()
        asyncio.set_event_loop(self._loop)

        def started(port: int, state: Server) -> None:
            self.port, self.state = port, state
            self._ready.set()

        self._task = self._loop.create_task(serve(0, delay, started))
        with contextlib.suppress(asyncio.CancelledError):
            self._loop.run_until_complete(self._task)
        # Finish the connection handlers too, so none is collected after the loop is gone.
        rest = asyncio.all_tasks(self._loop)
        for task in rest:
            task.cancel()
        self._loop.run_until_complete(asyncio.gather(*rest, return_exceptions=True))
        self._loop.close()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def close(self) -> None:
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self._task.cancel)
            self._thread.join(5)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--delay", type=float, default=0.0)
    args = parser.parse_args()
    try:
        asyncio.run(serve(args.port, args.delay))
    except KeyboardInterrupt:
        sys.exit(0)
