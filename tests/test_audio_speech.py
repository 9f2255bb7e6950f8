"""``client.audio.speech``: audio bytes read whole or streamed to a file, priced per character."""

from __future__ import annotations

import pathlib
import sys
from decimal import Decimal
from typing import Any

import httpx
import pytest

import gptkit
from gptkit.testing import FakeOpenAI
from gptkit.testing._fake_audio import speech_bytes
from tests.helpers import Recorder, close, invoke, make_client

TEXT = "Today is a wonderful day to build something people love!"
#: OpenAI's per-character speech prices, given as overrides: Python 3.10's genai-prices (0.1) has
#: none for tts-1 (the database's own price is checked where it has one, below).
SPEECH_PRICES = {"tts-1": gptkit.ModelPrice(0, input_per_mchars=15),
                 "tts-1-hd": gptkit.ModelPrice(0, input_per_mchars=30)}


def _client(kind: str, fake: FakeOpenAI, **options: Any) -> Any:
    return fake.client(**options) if kind == "sync" else fake.async_client(**options)


async def test_create_returns_the_audio_and_its_cost(kind: str, tmp_path: pathlib.Path) -> None:
    fake = FakeOpenAI()
    client = _client(kind, fake, prices=SPEECH_PRICES)
    response = await invoke(client, "audio.speech.create", model="tts-1", voice="alloy", input=TEXT,
                            response_format="wav", speed=1.25)
    response.write_to_file(tmp_path / "out.wav")
    chunks = list(response.iter_bytes(1000))
    achunks = [chunk async for chunk in response.aiter_bytes()]
    await close(client)
    expected = speech_bytes(TEXT, "alloy", "wav")
    assert response.content == expected and (tmp_path / "out.wav").read_bytes() == expected
    assert b"".join(chunks) == expected and b"".join(achunks) == expected
    assert response.headers["content-type"] == "audio/wav" and response.request_id
    assert fake.requests[0].body == {"model": "tts-1", "voice": "alloy", "input": TEXT,
                                     "response_format": "wav", "speed": 1.25}
    price = Decimal(len(TEXT)) * Decimal(15) / 1_000_000  # tts-1: $15 per million characters
    assert response.cost is not None and response.cost.total == price
    assert response.cost.price_source == "override:tts-1"
    assert client.ledger.calls == 1 and client.ledger.total_cost == price


@pytest.mark.skipif(sys.version_info < (3, 11), reason="genai-prices 0.1 (Python 3.10's) has no tts-1 price")
def test_the_price_database_prices_speech_per_character() -> None:
    with FakeOpenAI().client() as client:
        response = client.audio.speech.create(model="tts-1-hd", voice="alloy", input=TEXT)
    assert response.cost is not None and response.cost.total == Decimal(len(TEXT)) * 30 / 1_000_000
    assert response.cost.price_source is not None and "tts-1-hd" in response.cost.price_source


def test_a_price_override_without_a_character_rate_leaves_speech_unpriced() -> None:
    prices = {"tts-1": gptkit.ModelPrice(input_per_mtok=15), "*": gptkit.ModelPrice(1)}
    with FakeOpenAI().client(prices=gptkit.PriceTable(prices, use_database=False)) as client:
        with pytest.warns(gptkit.UnknownPriceWarning):
            response = client.audio.speech.create(model="tts-1", voice="alloy", input=TEXT)
    assert response.cost is None  # a token rate is not a character rate: never a made-up number


def test_with_streaming_response_writes_the_audio_as_it_arrives(tmp_path: pathlib.Path) -> None:
    fake = FakeOpenAI()
    text = TEXT * 5  # several 4 kB chunks
    with fake.client(prices=SPEECH_PRICES) as client:
        with client.audio.speech.with_streaming_response.create(model="tts-1-hd", voice="nova",
                                                                input=text) as response:
            assert not response.response.is_stream_consumed  # handed over before the body was read
            response.stream_to_file(tmp_path / "speech.mp3")
        with client.audio.speech.with_streaming_response.create(model="tts-1", voice="nova",
                                                                input=text) as second:
            pieces = list(second.iter_bytes())
        assert second.is_closed
    assert (tmp_path / "speech.mp3").read_bytes() == speech_bytes(text, "nova", "mp3")
    assert len(pieces) > 1 and b"".join(pieces) == speech_bytes(text, "nova", "mp3")
    assert response.cost is not None and response.cost.total == Decimal(len(text)) * 30 / 1_000_000


async def test_async_streaming_response(tmp_path: pathlib.Path) -> None:
    fake = FakeOpenAI()
    async with fake.async_client() as client:
        async with client.audio.speech.with_streaming_response.create(model="tts-1", voice="echo",
                                                                      input=TEXT) as response:
            await response.stream_to_file(tmp_path / "a.mp3")
        async with client.audio.speech.with_streaming_response.create(model="tts-1", voice="echo",
                                                                      input=TEXT) as again:
            data = await again.read()
            parsed = await again.parse()
    assert (tmp_path / "a.mp3").read_bytes() == data == parsed.content == speech_bytes(TEXT, "echo", "mp3")
    assert client.ledger.calls == 2


async def test_raw_response_and_token_billed_models(kind: str) -> None:
    fake = FakeOpenAI()
    client = _client(kind, fake)
    raw = await invoke(client, "audio.speech.with_raw_response.create", model="gpt-4o-mini-tts",
                       voice={"id": "voice_123"}, input=TEXT, instructions="Speak cheerfully.")
    await close(client)
    assert raw.status_code == 200 and raw.parse().content.startswith(b"FAKE-MP3:")
    assert raw.parse().cost is None  # billed by audio tokens the answer does not report
    assert fake.requests[0].body["voice"] == {"id": "voice_123"}


async def test_budget_reserves_the_exact_character_price(kind: str) -> None:
    fake = FakeOpenAI()
    exact = Decimal(len(TEXT)) * 15 / 1_000_000
    budget = gptkit.Budget(usd=exact * 3 / 2)
    client = _client(kind, fake, budget=budget, prices=SPEECH_PRICES)
    await invoke(client, "audio.speech.create", model="tts-1", voice="alloy", input=TEXT)
    with pytest.raises(gptkit.BudgetExceededError):
        await invoke(client, "audio.speech.create", model="tts-1", voice="alloy", input=TEXT)
    with pytest.raises(gptkit.UnknownPriceError, match="cannot bound"):
        await invoke(client, "audio.speech.create", model="gpt-4o-mini-tts", voice="alloy", input=TEXT)
    await close(client)
    assert budget.spent == exact and len(fake.requests) == 1


async def test_validation_errors_and_retries(kind: str) -> None:
    recorder = Recorder(httpx.Response(500, json={"error": {"message": "oops", "type": "server_error"}}),
                        httpx.Response(200, content=b"ID3audio", headers={"content-type": "audio/mpeg"}))
    client = make_client(kind, recorder, retry=gptkit.RetryPolicy(zero_waits=True))
    for bad, param in (({"input": "x" * 4097}, "input"), ({"speed": 5}, "speed"), ({"voice": None}, "voice"),
                       ({"format": "mp3"}, "format")):
        with pytest.raises(gptkit.InvalidParameterError) as info:
            await invoke(client, "audio.speech.create", **{"model": "tts-1", "voice": "alloy", "input": "hi", **bad})
        assert info.value.param == param
    assert recorder.requests == []
    response = await invoke(client, "audio.speech.create", model="tts-1", voice="alloy", input="hi")
    await close(client)
    assert response.content == b"ID3audio" and len(recorder.requests) == 2
    assert recorder.requests[0].headers["idempotency-key"] == recorder.requests[1].headers["idempotency-key"]


def test_a_connection_broken_mid_audio_is_a_typed_error(tmp_path: pathlib.Path) -> None:
    fake = FakeOpenAI()
    fake.inject("reset", after_chunks=1, path="/audio/speech")
    with fake.client(max_retries=0) as client, pytest.raises(gptkit.APIConnectionError):
        with client.audio.speech.with_streaming_response.create(model="tts-1", voice="nova",
                                                                input=TEXT * 5) as response:
            response.stream_to_file(tmp_path / "broken.mp3")
