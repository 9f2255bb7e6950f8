"""``client.audio.transcriptions`` / ``translations``: multipart uploads, every response format,
streamed transcription events, cost per second or per token, errors and retries."""

from __future__ import annotations

import pathlib
from decimal import Decimal
from typing import Any

import httpx
import pytest

import gptkit
from gptkit.testing import FakeOpenAI
from gptkit.types.audio import (
    Transcription,
    TranscriptionDiarized,
    TranscriptionTextDeltaEvent,
    TranscriptionTextDoneEvent,
    TranscriptionVerbose,
    Translation,
    TranslationVerbose,
)
from tests.helpers import Recorder, close, invoke, make_client

SPEECH = b"hello from the fake microphone"  # the fake "hears" UTF-8 audio as its text
LONG = b"x" * 160_000  # ten seconds of audio to the fake


def _client(kind: str, fake: FakeOpenAI, **options: Any) -> Any:
    return fake.client(**options) if kind == "sync" else fake.async_client(**options)


async def test_every_response_format(kind: str, tmp_path: pathlib.Path) -> None:
    recording = tmp_path / "memo.wav"
    recording.write_bytes(SPEECH)
    fake = FakeOpenAI()
    client = _client(kind, fake)
    create = "audio.transcriptions.create"
    plain = await invoke(client, create, file=recording, model="whisper-1")
    verbose = await invoke(client, create, file=recording, model="whisper-1", response_format="verbose_json",
                           timestamp_granularities=["word", "segment"])
    text = await invoke(client, create, file=("memo.wav", SPEECH), model="whisper-1", response_format="text")
    srt = await invoke(client, create, file=SPEECH, model="whisper-1", response_format="srt")
    vtt = await invoke(client, create, file=SPEECH, model="whisper-1", response_format="vtt")
    diarized = await invoke(client, create, file=SPEECH, model="gpt-4o-transcribe-diarize",
                            response_format="diarized_json")
    await close(client)
    words = "hello from the fake microphone"
    assert isinstance(plain, Transcription) and plain.text == words
    assert isinstance(verbose, TranscriptionVerbose) and verbose.language == "english"
    assert verbose.words is not None and [w.word for w in verbose.words] == words.split()
    assert text == words + "\n" and isinstance(text, str)
    assert srt.startswith("1\n00:00:00,000 --> ") and vtt.startswith("WEBVTT")
    assert isinstance(diarized, TranscriptionDiarized) and diarized.segments[0].speaker == "A"
    form = fake.requests[1]
    assert form.headers["content-type"].startswith("multipart/form-data")
    assert b'name="timestamp_granularities[]"\r\n\r\nword' in form.content
    assert b'name="timestamp_granularities[]"\r\n\r\nsegment' in form.content
    assert b'name="file"; filename="memo.wav"' in form.content


async def test_cost_per_second_and_per_token(kind: str) -> None:
    fake = FakeOpenAI()
    client = _client(kind, fake)
    whisper = await invoke(client, "audio.transcriptions.create", file=LONG, model="whisper-1")
    tokens = await invoke(client, "audio.transcriptions.create", file=LONG, model="gpt-4o-transcribe")
    as_text = await invoke(client, "audio.transcriptions.create", file=LONG, model="whisper-1",
                           response_format="text")
    await close(client)
    assert whisper.usage.type == "duration" and whisper.usage.seconds == 10
    assert whisper.cost is not None and whisper.cost.total == Decimal("0.001")  # $0.006 a minute
    assert tokens.usage.type == "tokens" and tokens.usage.input_token_details.audio_tokens == 100
    price = gptkit.price_of("gpt-4o-transcribe")
    assert price is not None and tokens.cost is not None and tokens.cost.total > 0
    assert isinstance(as_text, str)  # a plain-text answer reports nothing to price
    assert client.ledger.calls == 3
    assert client.ledger.total_cost == whisper.cost.total + tokens.cost.total


async def test_streamed_transcription_events_and_final_cost(kind: str) -> None:
    fake = FakeOpenAI()
    client = _client(kind, fake)
    stream = await invoke(client, "audio.transcriptions.create", file=SPEECH, model="gpt-4o-mini-transcribe",
                          stream=True, include=["logprobs"])
    events = list(stream) if kind == "sync" else [event async for event in stream]
    final = stream.get_final_completion() if kind == "sync" else await stream.get_final_completion()
    await close(client)
    deltas = [e for e in events if isinstance(e, TranscriptionTextDeltaEvent)]
    assert "".join(d.delta for d in deltas) == "hello from the fake microphone"
    assert isinstance(events[-1], TranscriptionTextDoneEvent) and events[-1].usage is not None
    assert isinstance(final, Transcription) and final.text == "hello from the fake microphone"
    assert final.cost is not None and final.cost.total > 0 and client.ledger.total_cost == final.cost.total
    assert b'name="stream"\r\n\r\ntrue' in fake.requests[0].content
    assert b'name="include[]"\r\n\r\nlogprobs' in fake.requests[0].content


async def test_translations(kind: str) -> None:
    fake = FakeOpenAI()
    client = _client(kind, fake)
    plain = await invoke(client, "audio.translations.create", file=("fr.mp3", b"bonjour tout le monde"),
                         model="whisper-1")
    verbose = await invoke(client, "audio.translations.create", file=LONG, model="whisper-1",
                           response_format="verbose_json", prompt="A greeting.", temperature=0.2)
    text = await invoke(client, "audio.translations.create", file=SPEECH, model="whisper-1",
                        response_format="text")
    with pytest.raises(gptkit.BadRequestError):
        await invoke(client, "audio.translations.create", file=SPEECH, model="gpt-4o-transcribe")
    await close(client)
    assert isinstance(plain, Translation) and plain.text == "bonjour tout le monde" and plain.cost is None
    assert isinstance(verbose, TranslationVerbose) and verbose.duration == 10
    assert verbose.cost is not None and verbose.cost.total == Decimal("0.001")
    assert text.strip() == "hello from the fake microphone"
    assert fake.requests[0].path == "/audio/translations"


async def test_refused_before_sending(kind: str) -> None:
    recorder = Recorder()
    budget = gptkit.Budget(usd=1)
    client = make_client(kind, recorder, budget=budget)
    for kwargs, param in (({"file": "memo.wav", "model": "whisper-1"}, "file"),
                          ({"file": SPEECH, "model": "whisper-1", "temperature": 2}, "temperature"),
                          ({"file": SPEECH, "model": "whisper-1", "timestamp_granularities": ["char"]},
                           "timestamp_granularities.0"),
                          ({"file": SPEECH}, "model")):
        with pytest.raises(gptkit.InvalidParameterError) as info:
            await invoke(client, "audio.transcriptions.create", **kwargs)
        assert info.value.param == param
    with pytest.raises(gptkit.UnknownPriceError, match="cannot bound"):
        await invoke(client, "audio.transcriptions.create", file=SPEECH, model="whisper-1")
    await close(client)
    assert recorder.requests == []


async def test_upload_is_resent_whole_after_a_5xx(kind: str, tmp_path: pathlib.Path) -> None:
    recording = tmp_path / "memo.wav"
    recording.write_bytes(SPEECH * 100)
    recorder = Recorder(httpx.Response(503, json={"error": {"message": "busy"}}),
                        httpx.Response(200, json={"text": "ok", "usage": {"type": "duration", "seconds": 2}}))
    client = make_client(kind, recorder, retry=gptkit.RetryPolicy(zero_waits=True))
    result = await invoke(client, "audio.transcriptions.create", file=recording, model="whisper-1")
    await close(client)
    first, second = recorder.requests
    assert first.content == second.content and SPEECH * 100 in second.content
    assert result.text == "ok" and result.cost is not None


async def test_an_audio_price_override_prices_the_seconds(kind: str) -> None:
    fake = FakeOpenAI()
    client = _client(kind, fake, prices={"whisper-1": gptkit.ModelPrice(0, audio_per_hour="0.72")})
    result = await invoke(client, "audio.transcriptions.create", file=LONG, model="whisper-1")
    await close(client)
    assert result.cost is not None and result.cost.total == Decimal("0.002")  # 10 s at $0.72 an hour
    assert result.cost.price_source == "override:whisper-1" and client.ledger.total_cost == Decimal("0.002")
