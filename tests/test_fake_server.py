"""The fake served on 127.0.0.1: real HTTP/1.1 over sockets, keep-alive, chunked streams,
hundreds of concurrent connections, RPM/TPM enforcement, and the command line."""

from __future__ import annotations

import asyncio
import json
import os
import socket
import subprocess
import sys
import time
from collections import Counter

import httpx
import pytest

import gptkit
from gptkit.testing import FakeOpenAI, run_fake_server

from .fakeutil import MSGS, sse_events, stream_text


def test_plain_httpx_over_a_socket_with_keep_alive() -> None:
    fake = FakeOpenAI()
    with fake.serve() as server, httpx.Client(base_url=server.base_url) as http:
        assert server.base_url.startswith("http://127.0.0.1:") and server.base_url.endswith("/v1")
        first = http.post("/chat/completions", json={"model": "gpt-4o", "messages": MSGS})
        second = http.get("/models")
        assert first.status_code == 200 and second.status_code == 200
        assert first.http_version == "HTTP/1.1"
        assert first.json()["choices"][0]["message"]["content"] == "Echo: What is the capital of France?"
        assert first.headers["x-request-id"] != second.headers["x-request-id"]
    # both requests came over one connection
    assert fake.stats.requests == 2


def test_stream_is_chunked_and_paced_over_the_socket() -> None:
    fake = FakeOpenAI(chunk_delay=0.02)
    body = {"model": "gpt-4o", "messages": MSGS, "stream": True, "stream_options": {"include_usage": True}}
    arrivals: list[float] = []
    received = b""
    with run_fake_server(chunk_delay=0.02) as server, httpx.Client(base_url=server.base_url) as http, \
            http.stream("POST", "/chat/completions", json=body) as response:
        assert response.headers["transfer-encoding"] == "chunked"
        assert response.headers["content-type"].startswith("text/event-stream")
        for chunk in response.iter_raw():
            arrivals.append(time.perf_counter())
            received += chunk
    events = sse_events(received)
    assert stream_text(events) == "Echo: What is the capital of France?"
    assert events[-1]["usage"]["total_tokens"] > 0
    # the events came one by one, not as one buffered body
    assert len(arrivals) >= len(events) // 2 and arrivals[-1] - arrivals[0] >= 0.02 * (len(events) - 2)
    del fake


def test_gptkit_clients_over_the_socket() -> None:
    fake = FakeOpenAI()
    with fake.serve() as server, gptkit.Client(base_url=server.base_url, api_key="sk-x") as client:
        reply = client.chat.completions.create(model="gpt-4o", messages=MSGS, n=2)
        assert [c.message.content for c in reply.choices] == ["Echo: What is the capital of France?",
                                                              "Echo: What is the capital of France? (2)"]
        vectors = client.embeddings.create(model="text-embedding-3-small", input="x", dimensions=8)
        assert len(vectors.data[0].embedding) == 8
        assert "gpt-4o" in [m.id for m in client.models.list()]
        assert client.completions.create(model="gpt-3.5-turbo-instruct", prompt="hi").choices[0].text == "Echo: hi"


async def _keep_alive_worker(port: int, requests: int, body: bytes) -> list[bytes]:
    """A bare HTTP/1.1 client on one connection (httpx's async pool would be the bottleneck)."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    head = (b"POST /v1/chat/completions HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\n"
            b"content-length: %d\r\n\r\n" % len(body))
    answers = []
    try:
        for _ in range(requests):
            writer.write(head + body)
            response_head = await reader.readuntil(b"\r\n\r\n")
            length = next(int(line.split(b":")[1]) for line in response_head.split(b"\r\n")
                          if line.lower().startswith(b"content-length:"))
            answers.append(response_head.split(b" ", 2)[1] + b" " + await reader.readexactly(length))
    finally:
        writer.close()
    return answers


@pytest.mark.slow
async def test_hundreds_of_concurrent_connections() -> None:
    fake = FakeOpenAI(latency=0.5)
    with fake.serve() as server:
        started = time.perf_counter()
        results = await asyncio.gather(*(
            _keep_alive_worker(server.port, 1, json.dumps({"model": "gpt-4o", "messages": [
                {"role": "user", "content": f"q{i}"}]}).encode()) for i in range(400)))
        elapsed = time.perf_counter() - started
    answers = [json.loads(r[0].split(b" ", 1)[1]) for r in results]
    assert all(r[0].startswith(b"200 ") for r in results)
    assert {a["choices"][0]["message"]["content"] for a in answers} == {f"Echo: q{i}" for i in range(400)}
    # 400 half-second answers in well under 400 x 0.5 s: they were served side by side
    assert fake.stats.max_in_flight >= 300
    assert elapsed < 4.0


@pytest.mark.slow
async def test_thousands_of_requests_per_second() -> None:
    fake = FakeOpenAI()
    body = json.dumps({"model": "gpt-4o", "messages": MSGS, "max_tokens": 20}).encode()
    with fake.serve() as server:
        started = time.perf_counter()
        results = await asyncio.gather(*(_keep_alive_worker(server.port, 100, body) for _ in range(50)))
        elapsed = time.perf_counter() - started
    assert sum(len(r) for r in results) == 5000 and fake.stats.requests == 5000
    assert all(answer.startswith(b"200 ") for r in results for answer in r)
    # client and server share one process (and its GIL) here; alone the server does more
    assert 5000 / elapsed > 500, f"only {5000 / elapsed:.0f} requests/s"


async def test_httpx_async_client_with_many_connections() -> None:
    fake = FakeOpenAI(latency=0.05)
    limits = httpx.Limits(max_connections=100, max_keepalive_connections=100)
    with fake.serve() as server:
        async with httpx.AsyncClient(base_url=server.base_url, limits=limits, timeout=30) as http:
            responses = await asyncio.gather(*(
                http.post("/chat/completions", json={"model": "gpt-4o", "messages": MSGS}) for _ in range(100)))
    assert Counter(r.status_code for r in responses) == {200: 100}
    assert fake.stats.max_in_flight >= 50


async def test_rpm_enforced_over_the_socket() -> None:
    fake = FakeOpenAI(rpm=60)
    with fake.serve() as server:
        async with gptkit.AsyncClient(base_url=server.base_url, api_key="sk-x", max_retries=0) as client:

            async def one() -> str:
                try:
                    await client.chat.completions.create(model="gpt-4o", messages=MSGS, max_tokens=5)
                except gptkit.RateLimitError as exc:
                    errors.append(exc)
                    return "429"
                return "ok"

            errors: list[gptkit.RateLimitError] = []
            outcomes = Counter(await asyncio.gather(*(one() for _ in range(90))))
    assert all(e.code == "rate_limit_exceeded" for e in errors)
    assert all(e.headers["x-ratelimit-remaining-requests"] == "0" for e in errors)
    # 60 fit the bucket; a burst this short refills at most a couple more
    assert 60 <= outcomes["ok"] <= 63
    assert outcomes["429"] == 90 - outcomes["ok"]
    assert fake.stats.rate_limited == outcomes["429"] == fake.stats.sent_429


def test_tpm_enforced_and_retry_recovers_over_the_socket() -> None:
    fake = FakeOpenAI(tpm=6000)
    with fake.serve() as server, gptkit.Client(base_url=server.base_url, api_key="sk-x", max_retries=0) as client:
        statuses = []
        errors: list[gptkit.RateLimitError] = []
        for _ in range(4):
            try:
                client.chat.completions.create(model="gpt-4o", messages=MSGS, max_tokens=2000)
                statuses.append(200)
            except gptkit.RateLimitError as exc:
                statuses.append(exc.status_code)
                errors.append(exc)
    assert statuses == [200, 200, 429, 429]
    assert all("(TPM)" in e.message and float(e.headers["retry-after-ms"]) > 0 for e in errors)
    assert fake.stats.tokens_admitted == 2 * (2000 + 2 * 0 + fake.stats.prompt_tokens // 2)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_command_line_server() -> None:
    port = _free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "gptkit.testing.fake_server", "--port", str(port), "--api-key", "sk-cli-key-123456",
         "--fault", "server_error=0"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert f"http://127.0.0.1:{port}/v1" in line
        with httpx.Client(base_url=f"http://127.0.0.1:{port}/v1") as http:
            assert http.get("/models").status_code == 401
            ok = http.get("/models", headers={"authorization": "Bearer sk-cli-key-123456"})
            assert ok.status_code == 200 and ok.json()["object"] == "list"
            streamed = http.post("/chat/completions", headers={"authorization": "Bearer sk-cli-key-123456"},
                                 json={"model": "gpt-4o", "messages": MSGS, "stream": True})
            assert json.loads(streamed.text.split("\n")[0][len("data: "):])["object"] == "chat.completion.chunk"
    finally:
        process.terminate()
        process.wait(10)


def test_command_line_rejects_unknown_fault() -> None:
    result = subprocess.run([sys.executable, "-m", "gptkit.testing.fake_server", "--fault", "gremlins=1"],
                            capture_output=True, text=True, timeout=30)
    assert result.returncode == 2 and "unknown fault 'gremlins'" in result.stderr


@pytest.mark.parametrize("version", ["HTTP/1.0", "HTTP/1.1"])
def test_raw_socket_framing(version: str) -> None:
    with run_fake_server() as server, socket.create_connection(("127.0.0.1", server.port)) as sock:
        body = b'{"model":"gpt-4o","messages":[{"role":"user","content":"raw"}]}'
        request = (f"POST /v1/chat/completions {version}\r\nhost: x\r\ncontent-type: application/json\r\n"
                   f"content-length: {len(body)}\r\n\r\n").encode() + body
        sock.sendall(request)
        data = b""
        while True:
            piece = sock.recv(65536)
            if not piece:
                break
            data += piece
            if version == "HTTP/1.1" and b"\r\n\r\n" in data:
                head, _, rest = data.partition(b"\r\n\r\n")
                length = int(next(line.split(b":")[1] for line in head.split(b"\r\n")
                                  if line.lower().startswith(b"content-length")))
                if len(rest) >= length:
                    break
        head, _, rest = data.partition(b"\r\n\r\n")
        assert head.startswith(b"HTTP/1.1 200 OK")
        assert (b"connection: close" in head) is (version == "HTTP/1.0")
        assert json.loads(rest)["choices"][0]["message"]["content"] == "Echo: raw"
