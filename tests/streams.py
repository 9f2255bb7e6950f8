"""Helpers to script event streams over the transport seam (MockTransport or a local server)."""

from __future__ import annotations

import asyncio
import copy
import json
import threading
import time
from collections.abc import AsyncIterator, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx

SSE_HEADERS = {"content-type": "text/event-stream", "x-request-id": "req_stream"}


class Stall:
    """A pause in a scripted body (a real sleep: use short ones)."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds


class ScriptedBody(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A response body that yields byte pieces, may raise or stall midway, and records close()."""

    def __init__(self, *parts: bytes | Exception | Stall) -> None:
        self.parts = parts
        self.closed = False
        self.yielded = 0

    def __iter__(self) -> Iterator[bytes]:
        for part in self.parts:
            if isinstance(part, Exception):
                raise part
            if isinstance(part, Stall):
                time.sleep(part.seconds)
                continue
            self.yielded += 1
            yield part

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for part in self.parts:
            if isinstance(part, Exception):
                raise part
            if isinstance(part, Stall):
                await asyncio.sleep(part.seconds)
                continue
            self.yielded += 1
            yield part

    def close(self) -> None:
        self.closed = True

    async def aclose(self) -> None:
        self.closed = True


def sse(*payloads: Any, done: bool = True) -> bytes:
    """An event stream with one ``data:`` event per payload (dicts become JSON) and ``[DONE]``."""
    out = []
    for payload in payloads:
        data = payload if isinstance(payload, str) else json.dumps(payload)
        out.append(f"data: {data}\n\n")
    if done:
        out.append("data: [DONE]\n\n")
    return "".join(out).encode()


def chunked(data: bytes, size: int) -> list[bytes]:
    return [data[i : i + size] for i in range(0, len(data), size)]


def streaming_response(*parts: bytes | Exception | Stall, status: int = 200) -> tuple[httpx.Response, ScriptedBody]:
    body = ScriptedBody(*parts)
    return httpx.Response(status, headers=SSE_HEADERS, stream=body), body


# -- turning a non-streamed answer into the chunks a server would stream -----------------------


def _pieces(text: str, size: int) -> list[str]:
    return [text[i : i + size] for i in range(0, len(text), size)] or [""]


def stream_chunks(body: dict[str, Any], *, piece: int = 3, usage: bool = True) -> list[dict[str, Any]]:
    """The chunks of ``body`` (a ``chat.completion``), choices interleaved as the API does."""
    envelope = {k: body[k] for k in ("id", "created", "model", "system_fingerprint", "service_tier") if k in body}
    envelope["object"] = "chat.completion.chunk"
    per_choice: list[list[dict[str, Any]]] = []
    for choice in body["choices"]:
        index, message = choice["index"], choice["message"]
        parts: list[dict[str, Any]] = []
        content = message.get("content")
        first = {"role": "assistant", "content": "" if content is not None else None, "refusal": None}
        parts.append({"index": index, "delta": first, "logprobs": None, "finish_reason": None})
        token_logprobs = (choice.get("logprobs") or {}).get("content")
        if content is not None:
            if token_logprobs:
                for entry in token_logprobs:  # one token per chunk, with its logprob
                    parts.append({"index": index, "delta": {"content": entry["token"]},
                                  "logprobs": {"content": [entry], "refusal": None}, "finish_reason": None})
            else:
                parts.extend({"index": index, "delta": {"content": p}, "logprobs": None, "finish_reason": None}
                             for p in _pieces(content, piece))
        if message.get("refusal"):
            parts.extend({"index": index, "delta": {"refusal": p}, "finish_reason": None}
                         for p in _pieces(message["refusal"], piece))
        for n, call in enumerate(message.get("tool_calls") or []):
            fn = call["function"]
            parts.append({"index": index, "delta": {"tool_calls": [
                {"index": n, "id": call["id"], "type": "function", "function": {"name": fn["name"], "arguments": ""}}
            ]}, "finish_reason": None})
            parts.extend({"index": index, "delta": {"tool_calls": [{"index": n, "function": {"arguments": p}}]},
                          "finish_reason": None} for p in _pieces(fn["arguments"], piece))
        parts.append({"index": index, "delta": {}, "logprobs": None, "finish_reason": choice["finish_reason"]})
        per_choice.append(parts)
    chunks: list[dict[str, Any]] = []
    longest = max(len(p) for p in per_choice)
    for step in range(longest):
        for parts in per_choice:
            if step < len(parts):
                chunks.append({**copy.deepcopy(envelope), "choices": [parts[step]], "usage": None})
    if usage:
        chunks.append({**copy.deepcopy(envelope), "choices": [], "usage": body["usage"]})
    return chunks


PARITY_ANSWER: dict[str, Any] = {
    "id": "chatcmpl-parity",
    "object": "chat.completion",
    "created": 1_700_000_123,
    "model": "gpt-4o-2024-08-06",
    "system_fingerprint": "fp_abc",
    "service_tier": "default",
    "choices": [
        {
            "index": 0,
            "message": {"role": "assistant", "content": "Héllo wörld ✓", "refusal": None},
            "logprobs": {"content": [
                {"token": t, "logprob": -0.1 * i, "bytes": list(t.encode()), "top_logprobs": []}
                for i, t in enumerate(["Hé", "llo", " wörld", " ✓"])
            ], "refusal": None},
            "finish_reason": "stop",
        },
        {
            "index": 1,
            "message": {
                "role": "assistant", "content": None, "refusal": None,
                "tool_calls": [
                    {"id": "call_a", "type": "function",
                     "function": {"name": "get_weather", "arguments": '{"city": "Paris", "unit": "c"}'}},
                    {"id": "call_b", "type": "function",
                     "function": {"name": "get_time", "arguments": '{"tz": "Europe/Paris"}'}},
                ],
            },
            "logprobs": None,
            "finish_reason": "tool_calls",
        },
    ],
    "usage": {"prompt_tokens": 31, "completion_tokens": 42, "total_tokens": 73,
              "prompt_tokens_details": {"cached_tokens": 0, "audio_tokens": 0},
              "completion_tokens_details": {"reasoning_tokens": 0, "audio_tokens": 0,
                                            "accepted_prediction_tokens": 0, "rejected_prediction_tokens": 0}},
}


# -- a real server on 127.0.0.1 -----------------------------------------------------------------


class LocalSSEServer:
    """A threaded HTTP server on 127.0.0.1 that streams a given body, optionally stalling midway.

    ``script`` is a list of byte pieces and ``Stall`` objects sent as one chunked response.
    """

    def __init__(self, *script: bytes | Stall) -> None:
        self.script = script
        self.requests = 0
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # as real servers do; avoids 40 ms delayed-ACK stalls

            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                outer.requests += 1
                self.rfile.read(int(self.headers.get("content-length", 0)))
                self.send_response(200)
                self.send_header("content-type", "text/event-stream")
                self.send_header("transfer-encoding", "chunked")
                self.end_headers()
                try:
                    for part in outer.script:
                        if isinstance(part, Stall):
                            time.sleep(part.seconds)
                            continue
                        self.wfile.write(b"%x\r\n%s\r\n" % (len(part), part))
                        self.wfile.flush()
                    self.wfile.write(b"0\r\n\r\n")
                    self.wfile.flush()
                except OSError:
                    pass  # the client went away, as some tests intend

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host!s}:{port}/v1"

    def __enter__(self) -> LocalSSEServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
