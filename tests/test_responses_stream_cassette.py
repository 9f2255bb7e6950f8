"""A streamed Responses API call recorded into a cassette and replayed from it, sync and async:
the same events, the same final ``Response`` and cost, with no server at replay."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import gptkit
from gptkit.testing import Cassette, FakeOpenAI
from tests.helpers import API_KEY

PROMPT = "Tell me about the sea, briefly."


def _client(kind: str, cassette: Cassette, real: Any = None) -> Any:
    if kind == "sync":
        return gptkit.Client(api_key=API_KEY, transport=cassette.transport(real), max_retries=0)
    return gptkit.AsyncClient(api_key=API_KEY, transport=cassette.async_transport(real), max_retries=0)


async def _stream(client: Any) -> tuple[list[Any], Any]:
    if isinstance(client, gptkit.AsyncClient):
        async with client, client.responses.stream(model="gpt-4o", input=PROMPT) as stream:
            events = [event async for event in stream]
            return events, await stream.get_final_response()
    with client, client.responses.stream(model="gpt-4o", input=PROMPT) as stream:
        events = list(stream)
        return events, stream.get_final_response()


@pytest.mark.parametrize("pacing", ["fast", "rechunk"])
async def test_a_recorded_responses_stream_replays_event_for_event(kind: str, tmp_path: Path, pacing: str) -> None:
    path = tmp_path / "responses_stream.json"
    fake = FakeOpenAI()
    with Cassette(path, mode="all", respect_ci=False) as cassette:
        recorded, recorded_final = await _stream(_client(kind, cassette, fake))
    saved = json.loads(path.read_text())["interactions"]
    assert len(saved) == 1 and saved[0]["request"]["body"]["stream"] is True
    chunks = saved[0]["response"]["chunks"]
    assert "".join(c["text"] for c in chunks).startswith("event: response.created\ndata: ")
    assert API_KEY not in path.read_text()

    with Cassette(path, mode="none", pacing=pacing, seed=3) as cassette:
        replayed, final = await _stream(_client(kind, cassette))  # no server: the cassette answers
    assert [e.model_dump() for e in replayed] == [e.model_dump() for e in recorded]
    assert final == recorded_final and final.output_text == f"Echo: {PROMPT}"
    assert final.cost == recorded_final.cost and final.cost is not None
    assert fake.stats.requests == 1
