"""Cassettes: record against the fake server over a real socket, replay offline, same objects."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest

import gptkit
from gptkit.testing import Cassette, CassetteError, CassetteSecretError, CassetteWarning, FakeOpenAI, Fault

from .fakeutil import MSGS, sse_events
from .helpers import API_KEY, close, invoke

ORG = "org-PLANTEDorganisation0001"
PROJECT = "proj_PLANTEDproject000000001"
STREAM_BODY = {"model": "gpt-4o", "messages": MSGS, "stream": True, "stream_options": {"include_usage": True}}


def _calls(client: gptkit.Client) -> list[Any]:
    weather = [{"role": "user", "content": "What is the weather in Paris?"}]
    return [
        client.chat.completions.create(model="gpt-4o", messages=MSGS),
        client.chat.completions.create(model="gpt-4o", messages=MSGS, n=2, temperature=0.5),
        client.chat.completions.create(model="gpt-4o", messages=weather, tools=[{"type": "function", "function": {
            "name": "get_weather", "parameters": {"type": "object", "properties": {"city": {"type": "string"}}}}}]),
        client.completions.create(model="gpt-3.5-turbo-instruct", prompt="Say hi", max_tokens=5),
        client.embeddings.create(model="text-embedding-3-small", input=["a", "b"], dimensions=4),
        client.embeddings.create(model="text-embedding-3-small", input="c", encoding_format="float", dimensions=4),
        client.models.list(),
        client.models.retrieve("gpt-4o"),
    ]


def _raw_stream(transport: httpx.BaseTransport, base_url: str) -> tuple[list[bytes], bytes]:
    with httpx.Client(transport=transport, base_url=base_url) as http, \
            http.stream("POST", "/chat/completions", json=STREAM_BODY) as response:
        pieces = list(response.iter_raw())
    return pieces, b"".join(pieces)


def _record(path: Path, fake: FakeOpenAI) -> tuple[list[Any], bytes]:
    with fake.serve() as server, Cassette(path, mode="all", respect_ci=False) as cassette:
        with gptkit.Client(base_url=server.base_url, api_key=API_KEY, organization=ORG, project=PROJECT,
                           transport=cassette.transport()) as client:
            recorded = _calls(client)
        _, stream = _raw_stream(cassette.transport(), server.base_url)
    return recorded, stream


def _scripted_fake() -> FakeOpenAI:
    fake = FakeOpenAI()
    fake.respond(tool_calls=[{"name": "get_weather", "arguments": {"city": "Paris"}}],
                 when=lambda r: "weather" in json.dumps(r.body))
    return fake


def test_round_trip_gives_identical_objects(tmp_path: Path) -> None:
    path = tmp_path / "round_trip.json"
    fake = _scripted_fake()
    recorded, stream = _record(path, fake)
    assert fake.stats.requests == 9
    document = json.loads(path.read_text())
    assert document["format"] == "gptkit-cassette" and document["version"] == 1
    assert document["gptkit_version"] == gptkit.__version__ and document["recorded_at"].endswith("Z")
    assert len(document["interactions"]) == 9
    # the server is gone: replay is offline, with another key
    with Cassette(path, mode="none") as cassette, gptkit.Client(
            base_url="http://127.0.0.1:9/v1", api_key="sk-other", transport=cassette.transport()) as client:
        replayed = _calls(client)
        _, replayed_stream = _raw_stream(cassette.transport(), "http://127.0.0.1:9/v1")
    assert [r.model_dump() for r in replayed] == [r.model_dump() for r in recorded]
    assert [type(r) for r in replayed] == [type(r) for r in recorded]
    assert replayed[0].request_id == recorded[0].request_id is not None
    assert replayed[2].choices[0].message.tool_calls[0].function.name == "get_weather"
    assert replayed_stream == stream
    assert sse_events(stream)[-1]["usage"]["total_tokens"] > 0
    assert cassette.unplayed() == []


def test_stream_chunks_are_recorded_as_received_with_offsets(tmp_path: Path) -> None:
    path = tmp_path / "stream.json"
    fake = FakeOpenAI(chunk_delay=0.01)
    with fake.serve() as server, Cassette(path, mode="all", respect_ci=False) as cassette:
        pieces, _ = _raw_stream(cassette.transport(), server.base_url)
    response = json.loads(path.read_text())["interactions"][0]["response"]
    chunks = response["chunks"]
    assert "".join(c["text"] for c in chunks).encode() == b"".join(pieces)
    assert len(chunks) == len(pieces) > 3  # one entry per chunk as received, not one buffer
    offsets = [c["t"] for c in chunks]
    assert offsets == sorted(offsets) and offsets[-1] - offsets[0] >= 0.01 * (len(chunks) - 2)
    assert response["headers"]["content-type"].startswith("text/event-stream")


async def test_recording_passes_chunks_through_without_buffering() -> None:
    # The wrapped transport yields a chunk only after the caller has taken the previous one:
    # a recorder that buffered the body would deadlock here instead of passing each one on.
    handed: list[int] = []

    async def body() -> Any:
        for i in range(3):
            handed.append(i)
            yield f"data: {{\"n\": {i}}}\n\n".encode()
            assert seen == list(range(i + 1)), "the caller must see chunk i before chunk i+1 is produced"

    seen: list[int] = []
    transport = httpx.MockTransport(lambda request: httpx.Response(
        200, headers={"content-type": "text/event-stream"}, content=body()))
    cassette = Cassette("/nonexistent/never-written.json", mode="all", respect_ci=False)
    async with httpx.AsyncClient(transport=cassette.async_transport(transport)) as http, \
            http.stream("POST", "https://api.openai.com/v1/chat/completions", json={}) as response:
        async for chunk in response.aiter_raw():
            seen.append(json.loads(chunk[len("data: "):])["n"])
    assert seen == handed == [0, 1, 2]


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_rechunked_replay_gives_identical_bytes_and_events(tmp_path: Path, seed: int) -> None:
    path = tmp_path / "rechunk.json"
    with FakeOpenAI().serve() as server, Cassette(path, mode="all", respect_ci=False) as cassette:
        original_pieces, original = _raw_stream(cassette.transport(), server.base_url)
    with Cassette(path, pacing="rechunk", seed=seed) as cassette:
        pieces, replayed = _raw_stream(cassette.transport(), "https://api.openai.com/v1")
    assert replayed == original
    assert sse_events(replayed) == sse_events(original)
    assert len(pieces) > len(original_pieces)  # really cut differently
    assert {len(p) for p in pieces} != {len(p) for p in original_pieces}


def test_realtime_pacing_replays_the_recorded_gaps(tmp_path: Path) -> None:
    from gptkit.testing import VirtualClock

    path = tmp_path / "realtime.json"
    with FakeOpenAI(chunk_delay=0.02).serve() as server, Cassette(path, mode="all", respect_ci=False) as cassette:
        _raw_stream(cassette.transport(), server.base_url)
    with VirtualClock() as clock, Cassette(path, pacing="realtime") as cassette:
        _raw_stream(cassette.transport(), "https://api.openai.com/v1")
    chunks = json.loads(path.read_text())["interactions"][0]["response"]["chunks"]
    assert sum(clock.sleeps) == pytest.approx(chunks[-1]["t"], abs=1e-5)
    assert len(clock.sleeps) >= len(chunks) - 1


@pytest.mark.parametrize("after_chunks", [None, 2])
async def test_dropped_connection_replays_as_the_same_typed_error(tmp_path: Path, kind: str,
                                                             after_chunks: int | None) -> None:
    path = tmp_path / "dropped.json"
    fake = FakeOpenAI()
    fake.inject(Fault.reset(after_chunks=after_chunks), times=1)
    with fake.serve() as server, Cassette(path, mode="all", respect_ci=False) as cassette, \
            gptkit.Client(base_url=server.base_url, api_key=API_KEY, max_retries=0,
                          transport=cassette.transport()) as client:
        with pytest.raises(gptkit.APIConnectionError) as live:
            client.chat.completions.create(model="gpt-4o", messages=MSGS)
    entry = json.loads(path.read_text())["interactions"][0]
    error = entry["error"] if after_chunks is None else entry["response"]["error"]
    assert error["type"] == type(live.value.__cause__).__name__
    with Cassette(path) as cassette:
        cls = gptkit.Client if kind == "sync" else gptkit.AsyncClient
        transport = cassette.transport() if kind == "sync" else cassette.async_transport()
        client: Any = cls(api_key="sk-replay", max_retries=0, transport=transport)
        with pytest.raises(gptkit.APIConnectionError) as replayed:
            await invoke(client, "chat.completions.create", model="gpt-4o", messages=MSGS)
        await close(client)
    assert type(replayed.value) is type(live.value)
    assert type(replayed.value.__cause__) is type(live.value.__cause__)
    assert str(replayed.value) == str(live.value)


def test_planted_key_never_reaches_the_cassette(tmp_path: Path) -> None:
    path = tmp_path / "secrets.json"
    local_key = "local-gateway-secret-42"  # not key-shaped: caught as the literal key in use
    fake = FakeOpenAI()
    with fake.serve() as server, Cassette(path, mode="all", respect_ci=False) as cassette:
        for key in (API_KEY, local_key):
            with gptkit.Client(base_url=server.base_url, api_key=key, organization=ORG, project=PROJECT,
                               default_headers={"cookie": "session=abcdef0123456789"},
                               transport=cassette.transport()) as client:
                # the key in the prompt comes back in the (echoed) answer too
                client.chat.completions.create(model="gpt-4o", messages=[
                    {"role": "user", "content": f"my key is {key}, org {ORG}, Bearer {API_KEY}"}])
        _raw_stream_with(cassette.transport(), server.base_url, f"stream {API_KEY} and {local_key}")
    text = path.read_text()
    for secret in (API_KEY, local_key, ORG, PROJECT, "abcdef0123456789", "PLANTED"):
        assert secret not in text
    assert "<scrubbed>" in text
    request = json.loads(text)["interactions"][0]["request"]
    assert "authorization" not in request["headers"] and "cookie" not in request["headers"]
    assert "openai-organization" not in request["headers"]
    # still replayable: the scrubbed request matches itself
    assert "my key is <scrubbed>" in request["body"]["messages"][0]["content"]


def _raw_stream_with(transport: httpx.BaseTransport, base_url: str, content: str) -> bytes:
    body = {**STREAM_BODY, "messages": [{"role": "user", "content": content}]}
    with httpx.Client(transport=transport, base_url=base_url) as http, \
            http.stream("POST", "/chat/completions", json=body) as response:
        return response.read()


def test_key_split_across_stream_chunks_is_scrubbed(tmp_path: Path) -> None:
    half = len(API_KEY) // 2
    chunks = [b"data: {\"k\": \"" + API_KEY[:half].encode(), API_KEY[half:].encode() + b"\"}\n\n"]
    transport = httpx.MockTransport(lambda request: httpx.Response(
        200, headers={"content-type": "text/event-stream"}, content=iter(chunks)))
    path = tmp_path / "split.json"
    with Cassette(path, mode="all", respect_ci=False) as cassette, httpx.Client(
            transport=cassette.transport(transport)) as http:
        http.post("https://api.openai.com/v1/chat/completions", json={},
                  headers={"authorization": f"Bearer {API_KEY}"})
    recorded = json.loads(path.read_text())["interactions"][0]["response"]["chunks"]
    joined = "".join(c["text"] for c in recorded)
    assert API_KEY[:half] not in joined and API_KEY[half:] not in joined
    assert joined == 'data: {"k": "<scrubbed>"}\n\n' and len(recorded) == 2


def test_the_final_scan_refuses_a_file_holding_the_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import gptkit.testing._cassette as cassette_module

    path = tmp_path / "leak.json"
    path.write_text("previous content")
    # Break scrubbing on purpose: the scan after writing is the last line of defence.
    monkeypatch.setattr(cassette_module, "scrub_json", lambda value, secrets: value)
    fake = FakeOpenAI()
    cassette = Cassette(path, mode="all", respect_ci=False)
    with httpx.Client(transport=cassette.transport(fake)) as http:
        http.post("https://api.openai.com/v1/chat/completions", headers={"authorization": f"Bearer {API_KEY}"},
                  json={"model": "gpt-4o", "messages": [{"role": "user", "content": API_KEY}]})
    with pytest.raises(CassetteSecretError) as info:
        cassette.save()
    assert API_KEY not in str(info.value)
    assert path.read_text() == "previous content"  # nothing was written
    assert list(tmp_path.iterdir()) == [path]  # and no temporary file is left


def test_no_match_fails_with_a_diff_against_the_nearest(tmp_path: Path) -> None:
    path = tmp_path / "diff.json"
    with Cassette(path, mode="all", respect_ci=False) as cassette, gptkit.Client(
            api_key="sk-x", transport=cassette.transport(FakeOpenAI())) as client:
        client.chat.completions.create(model="gpt-4o", messages=MSGS, temperature=0.2)
        client.embeddings.create(model="text-embedding-3-small", input="x")
    with pytest.warns(CassetteWarning, match="never played"), Cassette(path) as cassette, gptkit.Client(
            api_key="sk-x", transport=cassette.transport(), max_retries=0) as client:
        with pytest.raises(CassetteError) as info:
            client.chat.completions.create(model="gpt-4o", messages=MSGS, temperature=0.7)
    message = str(info.value)
    assert "Nearest recorded request: #0 POST /v1/chat/completions" in message
    assert '-  "temperature": 0.2' in message and '+  "temperature": 0.7' in message
    assert "messages" not in message.split("Body differences")[1]  # only what differs, with context
    assert str(path) in message


def test_identical_requests_replay_in_order_and_unplayed_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "order.json"
    fake = FakeOpenAI()
    fake.respond("first")
    fake.respond("second")
    fake.respond("third")
    with Cassette(path, mode="all", respect_ci=False) as cassette, gptkit.Client(
            api_key="sk-x", transport=cassette.transport(fake)) as client:
        for _ in range(3):
            client.chat.completions.create(model="gpt-4o", messages=MSGS)
    cassette = Cassette(path)
    with gptkit.Client(api_key="sk-x", transport=cassette.transport()) as client:
        answers = [client.chat.completions.create(model="gpt-4o", messages=MSGS).choices[0].message.content
                   for _ in range(2)]
    assert answers == ["first", "second"]
    assert len(cassette.unplayed()) == 1
    with pytest.warns(CassetteWarning, match="1 recorded interaction"):
        cassette.close()
    strict = Cassette(path, strict=True)
    with pytest.raises(CassetteError, match="3 recorded interaction"):
        strict.close()
    replay = Cassette(path)
    with gptkit.Client(api_key="sk-x", transport=replay.transport()) as client:
        for _ in range(3):
            client.chat.completions.create(model="gpt-4o", messages=MSGS)
        with pytest.raises(CassetteError, match="all 3 recorded response"):
            client.chat.completions.create(model="gpt-4o", messages=MSGS)


def test_ignored_fields_and_key_order(tmp_path: Path) -> None:
    path = tmp_path / "ignore.json"
    with Cassette(path, mode="all", respect_ci=False) as cassette, httpx.Client(
            transport=cassette.transport(FakeOpenAI())) as http:
        http.post("https://api.openai.com/v1/chat/completions",
                  json={"model": "gpt-4o", "messages": MSGS, "user": "run-1", "metadata": {"run": "1", "k": "v"}})
    with Cassette(path, ignore=["user", "metadata.run"]) as cassette, httpx.Client(
            transport=cassette.transport()) as http:
        body = json.dumps({"metadata": {"k": "v", "run": "2"}, "user": "run-2", "messages": MSGS, "model": "gpt-4o"})
        assert http.post("https://api.openai.com/v1/chat/completions", content=body).status_code == 200


def test_record_modes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("GPTKIT_RECORD_MODE", raising=False)
    path = tmp_path / "modes.json"
    fake = FakeOpenAI()

    def ask(cassette: Cassette, content: str) -> str:
        with gptkit.Client(api_key="sk-x", transport=cassette.transport(fake), max_retries=0) as client:
            reply = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": content}])
        return reply.choices[0].message.content or ""

    assert Cassette(path).mode == "none"
    with pytest.raises(CassetteError, match="does not exist"):
        ask(Cassette(path), "a")
    with Cassette(path, mode="once") as once:
        assert ask(once, "a") == "Echo: a"
    assert fake.stats.requests == 1
    with Cassette(path, mode="once") as once:  # the file exists now: replay only
        assert ask(once, "a") == "Echo: a"
        with pytest.raises(CassetteError):
            ask(once, "b")
    assert fake.stats.requests == 1
    with Cassette(path, mode="new_episodes") as episodes:
        assert ask(episodes, "a") == "Echo: a" and ask(episodes, "b") == "Echo: b"
    assert fake.stats.requests == 2
    assert len(json.loads(path.read_text())["interactions"]) == 2
    monkeypatch.setenv("GPTKIT_RECORD_MODE", "all")
    with Cassette(path, mode="none") as everything:
        assert everything.mode == "all"
        ask(everything, "c")
    assert len(json.loads(path.read_text())["interactions"]) == 1
    monkeypatch.setenv("CI", "true")
    assert Cassette(path, mode="all").mode == "none"
    monkeypatch.setenv("GPTKIT_RECORD_MODE", "sometimes")
    monkeypatch.delenv("CI")
    with pytest.raises(ValueError, match="record mode"):
        Cassette(path)


def test_bad_cassette_files(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    with pytest.raises(CassetteError, match="cannot read"):
        Cassette(bad)
    bad.write_text(json.dumps({"format": "gptkit-cassette", "version": 99, "interactions": []}))
    with pytest.raises(CassetteError, match="version 99"):
        Cassette(bad)


async def test_client_level_stream_round_trip(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "client_stream.json"
    with FakeOpenAI().serve() as server, Cassette(path, mode="all", respect_ci=False) as cassette:
        with gptkit.Client(base_url=server.base_url, api_key="sk-x", transport=cassette.transport()) as c:
            live = [chunk.model_dump() for chunk in c.chat.completions.create(
                model="gpt-4o", messages=MSGS, stream=True)]
    with Cassette(path, pacing="rechunk") as cassette:
        cls = gptkit.Client if kind == "sync" else gptkit.AsyncClient
        transport = cassette.transport() if kind == "sync" else cassette.async_transport()
        client: Any = cls(api_key="sk-x", transport=transport, base_url=server.base_url)
        stream = client.chat.completions.create(model="gpt-4o", messages=MSGS, stream=True)
        if kind == "sync":
            replayed = [chunk.model_dump() for chunk in stream]
            client.close()
        else:
            replayed = [chunk.model_dump() async for chunk in await stream]
            await client.aclose()
    assert replayed == live and len(live) > 3
