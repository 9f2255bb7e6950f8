"""The pytest plugin: the marker binds a test to tests/cassettes/<module>/<name>.json, and the
fixtures give clients over it. The fault cassettes here are written by hand."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import httpx
import pytest

import gptkit
from gptkit.testing import Cassette, VirtualClock

from .fakeutil import sse_events
from .helpers import close, invoke

HI = [{"role": "user", "content": "hi"}]


@pytest.fixture
def client(kind: str, request: pytest.FixtureRequest) -> Any:
    return request.getfixturevalue("gptkit_client" if kind == "sync" else "gptkit_async_client")


@pytest.mark.gptkit_cassette("429_then_200")
async def test_429_then_200_replays_in_order(client: Any, gptkit_cassette: Cassette) -> None:
    client = client.with_options(retry=gptkit.RetryPolicy())
    with VirtualClock() as clock:
        reply = await invoke(client, "chat.completions.create", model="gpt-4o", messages=HI)
    await close(client)
    assert reply.choices[0].message.content == "Hello!" and reply.request_id == "req_ok"
    assert clock.sleeps == [1.5]  # the recorded retry-after-ms was honoured
    assert gptkit_cassette.unplayed() == []
    assert gptkit_cassette.path.parts[-3:] == ("cassettes", "test_cassette_plugin", "429_then_200.json")


@pytest.mark.gptkit_cassette("500_then_200")
async def test_500_then_200(client: Any, gptkit_cassette: Cassette) -> None:
    reply = await invoke(client, "chat.completions.create", model="gpt-4o", messages=HI)
    assert reply.usage.total_tokens == 10
    assert gptkit_cassette.unplayed() == []


@pytest.mark.gptkit_cassette("dropped_connection", client_options={"max_retries": 0})
async def test_recorded_reset_is_a_connection_error(client: Any) -> None:
    with pytest.raises(gptkit.APIConnectionError) as info:
        await invoke(client, "chat.completions.create", model="gpt-4o", messages=HI)
    assert type(info.value) is gptkit.APIConnectionError
    assert isinstance(info.value.__cause__, httpx.ReadError)


@pytest.mark.gptkit_cassette("timeout", client_options={"max_retries": 0})
async def test_recorded_timeout_is_a_timeout_error(client: Any) -> None:
    with pytest.raises(gptkit.APITimeoutError):
        await invoke(client, "chat.completions.create", model="gpt-4o", messages=HI)


@pytest.mark.gptkit_cassette("quota")
async def test_recorded_quota_is_not_retried(client: Any, gptkit_cassette: Cassette) -> None:
    with pytest.raises(gptkit.InsufficientQuotaError) as info:
        await invoke(client, "chat.completions.create", model="gpt-4o", messages=HI)
    assert info.value.attempts == 1 and info.value.request_id == "req_quota"


@pytest.mark.gptkit_cassette("stream_cut", pacing="rechunk")
def test_recorded_stream_cut_replays_chunks_then_the_error(gptkit_cassette: Cassette) -> None:
    pieces: list[bytes] = []

    def read() -> None:
        with httpx.Client(transport=gptkit_cassette.transport()) as http, http.stream(
                "POST", "https://api.openai.com/v1/chat/completions",
                json={"model": "gpt-4o", "messages": HI, "stream": True}) as response:
            pieces.extend(response.iter_raw())

    with pytest.raises(httpx.RemoteProtocolError):
        read()
    received = b"".join(pieces)
    assert [e["choices"][0]["delta"].get("content") for e in sse_events(received)] == ["", "Hel"]


INNER = '''
import os
import pytest
from gptkit.testing import FakeOpenAI

FAKE = FakeOpenAI()
SERVER = FAKE.serve()
CONTENT = os.environ.get("INNER_CONTENT", "hello")


@pytest.mark.gptkit_cassette(ignore=["user"], client_options={"base_url": SERVER.base_url})
def test_ask(gptkit_client):
    reply = gptkit_client.chat.completions.create(
        model="gpt-4o", messages=[{"role": "user", "content": CONTENT}], user=os.environ.get("INNER_USER", "u1"))
    assert reply.choices[0].message.content == "Echo: " + CONTENT
    assert FAKE.stats.requests == int(os.environ["EXPECT_LIVE"])


@pytest.mark.gptkit_cassette(client_options={"base_url": SERVER.base_url})
@pytest.mark.asyncio
async def test_ask_async(gptkit_async_client):
    async with gptkit_async_client as client:
        reply = await client.embeddings.create(model="text-embedding-3-small", input="x", dimensions=3)
    assert len(reply.data[0].embedding) == 3
'''


def _run(directory: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items()
                   if k not in ("CI", "GPTKIT_RECORD_MODE", "PYTEST_ADDOPTS", "PYTEST_CURRENT_TEST")}
    environment.update(env)
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-W",
                           "error::gptkit.testing.CassetteWarning", *args, str(directory / "test_inner.py")],
                          capture_output=True, text=True, cwd=directory, env=environment, timeout=120)


@pytest.mark.slow
def test_plugin_records_once_then_replays_and_ci_never_records(tmp_path: Path) -> None:
    (tmp_path / "test_inner.py").write_text(textwrap.dedent(INNER))
    recorded = _run(tmp_path, "--gptkit-record-mode=once", EXPECT_LIVE="1", OPENAI_API_KEY="sk-inner-0123456789abcdefXYZ")
    assert recorded.returncode == 0, recorded.stdout + recorded.stderr
    cassette = tmp_path / "cassettes" / "test_inner" / "test_ask.json"
    assert cassette.exists() and (tmp_path / "cassettes" / "test_inner" / "test_ask_async.json").exists()
    assert "sk-inner-0123456789abcdefXYZ" not in cassette.read_text()
    before = cassette.read_text()

    replayed = _run(tmp_path, EXPECT_LIVE="0", INNER_USER="someone-else")  # "user" is ignored
    assert replayed.returncode == 0, replayed.stdout + replayed.stderr

    changed = _run(tmp_path, EXPECT_LIVE="1", INNER_CONTENT="goodbye", CI="true", GPTKIT_RECORD_MODE="all")
    assert changed.returncode == 1
    assert "Nearest recorded request: #0 POST /v1/chat/completions" in changed.stdout
    lines = [line.strip() for line in changed.stdout.splitlines()]
    assert any(line.startswith("E") and line.endswith('-      "content": "hello",') for line in lines)
    assert any(line.startswith("E") and line.endswith('+      "content": "goodbye",') for line in lines)
    # CI forced replay-only: nothing recorded; the unplayed interaction is reported (as an error here)
    assert "were never played: #0 POST /v1/chat/completions" in changed.stdout
    assert cassette.read_text() == before


def test_plugin_is_registered_and_cheap(tmp_path: Path) -> None:
    code = ("import sys, gptkit.testing.plugin as p; "
            "print(p.__name__, 'gptkit.testing._server' in sys.modules, 'gptkit.testing._cassette' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.split() == ["gptkit.testing.plugin", "False", "False"]
    listed = subprocess.run([sys.executable, "-m", "pytest", "--help"], capture_output=True, text=True,
                            timeout=60, cwd=tmp_path)
    assert "--gptkit-record-mode" in listed.stdout
