"""The fake's audio API: speech (bytes, or server-sent events), transcriptions and translations.

Deterministic: speech is a pseudo-MP3 whose length grows with the input text; an uploaded
"recording" whose bytes are UTF-8 text is heard as that text (so a test can upload ``b"hello
world"`` and read it back), any other as a fixed phrase. Audio lasts one second per 16,000
bytes; ``whisper-1`` reports those seconds, the ``gpt-4o-*`` models tokens.
"""

from __future__ import annotations

import base64
import hashlib
import math
from typing import TYPE_CHECKING, Any

from gptkit._tokens import estimate_text_tokens
from gptkit.testing._fake_forms import Form, bad_request, event_stream, json_object, missing, parse_form
from gptkit.testing._fake_reply import FakeReply

if TYPE_CHECKING:
    from gptkit.testing._fake_files import Handler
    from gptkit.testing._faults import FakeRequest

__all__ = ["BYTES_PER_SECOND", "FakeAudio", "speech_bytes"]

BYTES_PER_SECOND = 16_000
_CONTENT_TYPES = {"mp3": "audio/mpeg", "opus": "audio/ogg", "aac": "audio/aac", "flac": "audio/flac",
                  "wav": "audio/wav", "pcm": "audio/pcm"}
_FALLBACK_TEXT = "The quick brown fox jumped over the lazy dog."


def speech_bytes(text: str, voice: str, fmt: str = "mp3") -> bytes:
    """The fake's audio for ``text``: 64 bytes per character after a format tag."""
    seed = hashlib.sha256(f"{voice}\n{fmt}\n{text}".encode()).digest()
    body = (seed * (len(text) * 2 + 1))[: len(text) * 64]
    return f"FAKE-{fmt.upper()}:".encode() + body


def _heard(audio: bytes) -> str:
    try:
        text = audio.decode("utf-8").strip()
    except UnicodeDecodeError:
        return _FALLBACK_TEXT
    return text if text and text.isprintable() else _FALLBACK_TEXT


def _timestamp(seconds: float, separator: str) -> str:
    millis = round(seconds * 1000)
    hours, minutes, secs = millis // 3_600_000, millis // 60_000 % 60, millis // 1000 % 60
    return f"{hours:02d}:{minutes:02d}:{secs:02d}{separator}{millis % 1000:03d}"


class FakeAudio:
    """``/audio/speech``, ``/audio/transcriptions`` and ``/audio/translations``."""

    def __init__(self) -> None:
        self.spoken_characters: int = 0

    def routes(self) -> list[tuple[str, str, Handler]]:
        return [("POST", "/audio/speech", self._speech), ("POST", "/audio/transcriptions", self._transcribe),
                ("POST", "/audio/translations", self._translate)]

    def _speech(self, request: FakeRequest, params: dict[str, str]) -> Any:
        body = json_object(request)
        if body is None:
            return bad_request("The request body must be a JSON object.")
        for name in ("model", "input", "voice"):
            if name not in body:
                return missing(name)
        text = body["input"]
        if not isinstance(text, str) or not 1 <= len(text) <= 4096:
            return bad_request("'input' must be a string of 1 to 4096 characters.", "input", "invalid_value")
        fmt = str(body.get("response_format") or "mp3")
        if fmt not in _CONTENT_TYPES:
            return bad_request(f"Invalid 'response_format': '{fmt}'.", "response_format", "invalid_value")
        self.spoken_characters += len(text)
        audio = speech_bytes(text, str(body["voice"]), fmt)
        if body.get("stream_format") == "sse":
            pieces = [audio[i:i + 1024] for i in range(0, len(audio), 1024)]
            tokens, output = estimate_text_tokens(text), len(pieces) * 10
            deltas: list[dict[str, Any]] = [
                {"type": "speech.audio.delta", "audio": base64.b64encode(p).decode()} for p in pieces]
            deltas.append({"type": "speech.audio.done", "usage": {
                "input_tokens": tokens, "output_tokens": output, "total_tokens": tokens + output}})
            return event_stream(deltas)
        chunks = [audio[i:i + 4096] for i in range(0, len(audio), 4096)]
        return FakeReply(200, [("content-type", _CONTENT_TYPES[fmt])], chunks, stream=True)

    def _upload(self, request: FakeRequest) -> tuple[Form, str, bytes] | tuple[int, Any]:
        form = parse_form(request)
        if form is None:
            return bad_request("Audio uploads must be multipart/form-data.")
        files = form.files("file")
        if not files:
            return missing("file")
        model = form.value("model")
        if not model:
            return missing("model")
        return form, model, files[0][1]

    def _transcribe(self, request: FakeRequest, params: dict[str, str]) -> Any:
        upload = self._upload(request)
        if not isinstance(upload[0], Form):
            return upload
        form, model, audio = upload
        text = _heard(audio)
        if form.value("stream") == "true":
            if model == "whisper-1":
                return bad_request("Streaming is not supported for whisper-1.", "stream", "unsupported_value")
            words = text.split(" ")
            events: list[dict[str, Any]] = [
                {"type": "transcript.text.delta", "delta": word if i == 0 else " " + word}
                for i, word in enumerate(words)]
            usage = self._tokens(form, audio, text)
            events.append({"type": "transcript.text.done", "text": text, "usage": usage})
            return event_stream(events)
        return self._answer(form, model, audio, text, task="transcribe")

    def _translate(self, request: FakeRequest, params: dict[str, str]) -> Any:
        upload = self._upload(request)
        if not isinstance(upload[0], Form):
            return upload
        form, model, audio = upload
        if model != "whisper-1":
            return bad_request(f"Translations are only supported for whisper-1, not '{model}'.", "model")
        return self._answer(form, model, audio, _heard(audio), task="translate")

    # -- answers ------------------------------------------------------------------------------

    @staticmethod
    def _seconds(audio: bytes) -> float:
        return max(round(len(audio) / BYTES_PER_SECOND, 2), 0.1)

    def _tokens(self, form: Form, audio: bytes, text: str) -> dict[str, Any]:
        audio_tokens = math.ceil(self._seconds(audio) * 10)
        prompt = estimate_text_tokens(form.value("prompt") or "")
        output = estimate_text_tokens(text)
        return {"type": "tokens", "input_tokens": audio_tokens + prompt, "output_tokens": output,
                "total_tokens": audio_tokens + prompt + output,
                "input_token_details": {"audio_tokens": audio_tokens, "text_tokens": prompt}}

    def _answer(self, form: Form, model: str, audio: bytes, text: str, task: str) -> Any:
        fmt = form.value("response_format") or "json"
        seconds = self._seconds(audio)
        if fmt == "text":
            return FakeReply(200, [("content-type", "text/plain; charset=utf-8")], [f"{text}\n".encode()])
        if fmt in ("srt", "vtt"):
            comma = "," if fmt == "srt" else "."
            span = f"{_timestamp(0, comma)} --> {_timestamp(seconds, comma)}"
            cues = f"1\n{span}\n{text}\n\n" if fmt == "srt" else f"WEBVTT\n\n{span}\n{text}\n\n"
            return FakeReply(200, [("content-type", "text/plain; charset=utf-8")], [cues.encode()])
        usage: dict[str, Any] = {"type": "duration", "seconds": math.ceil(seconds)}
        if model != "whisper-1":
            usage = self._tokens(form, audio, text)
        if fmt == "json":
            return 200, {"text": text} if task == "translate" else {"text": text, "usage": usage}
        if fmt == "verbose_json":
            segment = {"id": 0, "seek": 0, "start": 0.0, "end": seconds, "text": text, "tokens": [1, 2, 3],
                       "temperature": 0.0, "avg_logprob": -0.2, "compression_ratio": 1.1,
                       "no_speech_prob": 0.01}
            body: dict[str, Any] = {"task": task, "language": "english", "duration": seconds, "text": text,
                                    "segments": [segment]}
            if "word" in form.values("timestamp_granularities"):
                words = text.split()
                step = seconds / max(len(words), 1)
                body["words"] = [{"word": w, "start": round(i * step, 2), "end": round((i + 1) * step, 2)}
                                 for i, w in enumerate(words)]
            if task == "transcribe":
                body["usage"] = usage
            return 200, body
        if fmt == "diarized_json" and task == "transcribe":
            segments = [{"type": "transcript.text.segment", "id": "seg_0", "speaker": "A", "start": 0.0,
                         "end": seconds, "text": text}]
            return 200, {"task": "transcribe", "duration": seconds, "text": text, "usage": usage,
                         "segments": segments}
        return bad_request(f"Invalid 'response_format': '{fmt}'.", "response_format", "invalid_value")
