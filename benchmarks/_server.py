"""A small, fast OpenAI-shaped HTTP/1.1 server for the benchmarks (run in its own process).

It answers every POST with one fixed, realistic chat completion (or an SSE stream of chunks when
the body asks for ``"stream": true``; a Responses API object for ``POST /v1/responses``) over
keep-alive connections. It is written on asyncio's ``Protocol`` API rather than streams so that it
costs as little CPU as possible: the benchmarks share two cores with it.

Requests whose path starts with ``/held/`` are answered together: the server holds them until
``BARRIER`` (256) are waiting, or until none has arrived for 50 ms, then answers them all. With it a
benchmark can measure a client's memory while that many calls are outstanding at once.

Run: ``python benchmarks/_server.py`` prints ``PORT <n>`` once listening on 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys

__all__ = ["CHAT_COMPLETION", "REQUEST_BODY", "RESPONSE", "RESPONSES_BODY", "start_server", "stop_server"]

CHAT_COMPLETION = {
    "id": "chatcmpl-9xYzAbCdEfGhIjKlMnOpQrStUvWx",
    "object": "chat.completion",
    "created": 1_727_000_000,
    "model": "gpt-4o-2024-08-06",
    "system_fingerprint": "fp_a7d06e42a7",
    "choices": [
        {
            "index": 0,
            "message": {
                "role": "assistant",
                "content": (
                    "Paris is the capital of France. It has been the country's political, economic "
                    "and cultural centre for centuries and is home to the Louvre and the Eiffel Tower."
                ),
                "refusal": None,
            },
            "logprobs": None,
            "finish_reason": "stop",
        }
    ],
    "usage": {
        "prompt_tokens": 24,
        "completion_tokens": 38,
        "total_tokens": 62,
        "prompt_tokens_details": {"cached_tokens": 0, "audio_tokens": 0},
        "completion_tokens_details": {
            "reasoning_tokens": 0,
            "audio_tokens": 0,
            "accepted_prediction_tokens": 0,
            "rejected_prediction_tokens": 0,
        },
    },
    "service_tier": "default",
}

#: A Responses API answer (``POST /responses``), as OpenAI sends it for a short text reply.
RESPONSE = {
    "id": "resp_67ccd2bed1ec8190b14f964abc0542670bb6a6b452d3795b",
    "object": "response",
    "created_at": 1_741_476_542,
    "status": "completed",
    "error": None,
    "incomplete_details": None,
    "instructions": None,
    "max_output_tokens": 100,
    "model": "gpt-4o-2024-08-06",
    "output": [
        {
            "type": "message",
            "id": "msg_67ccd2bf17f0819081ff3bb2cf6508e60bb6a6b452d3795b",
            "status": "completed",
            "role": "assistant",
            "content": [
                {
                    "type": "output_text",
                    "text": CHAT_COMPLETION["choices"][0]["message"]["content"],  # type: ignore[index]
                    "annotations": [],
                }
            ],
        }
    ],
    "parallel_tool_calls": True,
    "previous_response_id": None,
    "reasoning": {"effort": None, "summary": None},
    "store": True,
    "temperature": 0.2,
    "text": {"format": {"type": "text"}},
    "tool_choice": "auto",
    "tools": [],
    "top_p": 1.0,
    "truncation": "disabled",
    "usage": {
        "input_tokens": 24,
        "input_tokens_details": {"cached_tokens": 0},
        "output_tokens": 38,
        "output_tokens_details": {"reasoning_tokens": 0},
        "total_tokens": 62,
    },
    "user": None,
    "metadata": {},
}

#: What every client sends to ``POST /responses``.
RESPONSES_BODY = {
    "model": "gpt-4o",
    "instructions": "You are a concise assistant.",
    "input": "What is the capital of France? Answer in two sentences.",
    "temperature": 0.2,
    "max_output_tokens": 100,
}

#: What every client sends: a typical short chat request.
REQUEST_BODY = {
    "model": "gpt-4o",
    "messages": [
        {"role": "system", "content": "You are a concise assistant."},
        {"role": "user", "content": "What is the capital of France? Answer in two sentences."},
    ],
    "temperature": 0.2,
    "max_tokens": 100,
}


def _response(body: bytes, content_type: bytes) -> bytes:
    return (
        b"HTTP/1.1 200 OK\r\ncontent-type: " + content_type + b"\r\ncontent-length: "
        + str(len(body)).encode() + b"\r\nx-request-id: req_0123456789abcdef\r\n"
        b"openai-processing-ms: 312\r\nx-ratelimit-remaining-requests: 9999\r\n"
        b"x-ratelimit-remaining-tokens: 1999000\r\n\r\n" + body
    )


def _stream_body() -> bytes:
    words = CHAT_COMPLETION["choices"][0]["message"]["content"].split(" ")  # type: ignore[index]
    base = {k: CHAT_COMPLETION[k] for k in ("id", "created", "model", "system_fingerprint")}
    events = []
    for i, word in enumerate(words):
        delta = {"content": word if i == 0 else " " + word}
        if i == 0:
            delta["role"] = "assistant"
        chunk = {**base, "object": "chat.completion.chunk",
                 "choices": [{"index": 0, "delta": delta, "logprobs": None, "finish_reason": None}]}
        events.append(chunk)
    events.append({**base, "object": "chat.completion.chunk",
                   "choices": [{"index": 0, "delta": {}, "logprobs": None, "finish_reason": "stop"}]})
    events.append({**base, "object": "chat.completion.chunk", "choices": [],
                   "usage": CHAT_COMPLETION["usage"]})
    data = b"".join(b"data: " + json.dumps(e).encode() + b"\n\n" for e in events)
    return data + b"data: [DONE]\n\n"


PLAIN = _response(json.dumps(CHAT_COMPLETION).encode(), b"application/json")
STREAM = _response(_stream_body(), b"text/event-stream")
RESPONSES = _response(json.dumps(RESPONSE).encode(), b"application/json")


BARRIER = 256
_held: list[tuple[asyncio.Transport, bytes]] = []
_flush_timer: asyncio.TimerHandle | None = None


def _flush() -> None:
    global _flush_timer
    if _flush_timer is not None:
        _flush_timer.cancel()
        _flush_timer = None
    for transport, reply in _held:
        if not transport.is_closing():
            transport.write(reply)
    _held.clear()


def _hold(transport: asyncio.Transport, reply: bytes) -> None:
    global _flush_timer
    _held.append((transport, reply))
    if len(_held) >= BARRIER:
        _flush()
        return
    if _flush_timer is not None:
        _flush_timer.cancel()
    _flush_timer = asyncio.get_running_loop().call_later(0.05, _flush)


class _HTTP(asyncio.Protocol):
    """Parses pipelined/keep-alive HTTP/1.1 requests with a content-length body."""

    def __init__(self) -> None:
        self.buffer = b""
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        buffer = self.buffer + data
        while True:
            end = buffer.find(b"\r\n\r\n")
            if end < 0:
                break
            head = buffer[:end].lower()
            length = 0
            pos = head.find(b"\r\ncontent-length:")
            if pos >= 0:
                stop = head.find(b"\r\n", pos + 2)
                length = int(head[pos + 17 : stop if stop >= 0 else len(head)])
            total = end + 4 + length
            if len(buffer) < total:
                break
            body = buffer[end + 4 : total]
            buffer = buffer[total:]
            assert self.transport is not None
            if b'"stream":true' in body.replace(b" ", b""):
                reply = STREAM
            elif head.startswith(b"post /v1/responses "):
                reply = RESPONSES
            else:
                reply = PLAIN
            if head.startswith(b"post /held/"):
                _hold(self.transport, reply)
            else:
                self.transport.write(reply)
        self.buffer = buffer


async def _main() -> None:
    loop = asyncio.get_running_loop()
    server = await loop.create_server(_HTTP, "127.0.0.1", 0, backlog=2048)
    port = server.sockets[0].getsockname()[1]
    print(f"PORT {port}", flush=True)
    # Stop when the parent closes our stdin (or dies).
    reader = asyncio.StreamReader()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
    await reader.read()
    server.close()



def start_server() -> tuple[str, subprocess.Popen[str]]:
    """Start the server in a child process; returns its ``base_url`` (ending in /v1) and process."""
    proc = subprocess.Popen(
        [sys.executable, __file__], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    if not line.startswith("PORT "):
        proc.kill()
        raise RuntimeError(f"benchmark server failed to start: {line!r}")
    return f"http://127.0.0.1:{int(line.split()[1])}/v1", proc


def stop_server(proc: subprocess.Popen[str]) -> None:
    """Stop a server started by ``start_server``."""
    assert proc.stdin is not None
    proc.stdin.close()
    try:
        proc.wait(5)
    except subprocess.TimeoutExpired:
        proc.kill()


if __name__ == "__main__":
    try:
        import uvloop  # type: ignore[import-not-found]

        uvloop.install()
    except ImportError:
        pass
    asyncio.run(_main())
