"""How images and audio are billed: the meters of their endpoints (sans-IO).

Images of GPT image models are billed by tokens (``usage`` in the answer): text and image input
tokens, image output tokens. A budget can bound a generation with ``gpt-image-1`` /
``gpt-image-1-mini`` before it is sent: the prompt's UTF-8 bytes (a bound on its tokens), plus
per image the output tokens of the requested quality and size from OpenAI's table (the largest
when ``auto``), plus 100 tokens per partial image. Edits (their input images' tokens depend on
the images) and other models cannot be bounded. DALL-E's per-image prices are not in the price
database: such calls have ``cost=None``.

Speech is billed per input character (``tts-1``, ``tts-1-hd``: exact before sending) or by
tokens (``gpt-4o-mini-tts``: the answer is audio with no usage, so its cost is None).
Transcriptions and translations are billed per second of audio (``whisper-1``: the ``duration``
or ``usage.seconds`` of a JSON answer) or by tokens (``gpt-4o-transcribe``...: ``usage``); a
plain-text answer reports neither, so its cost is None, and no call can be bounded before the
audio is measured.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from gptkit._cost._meter import Meter, Units

__all__ = [
    "GPT_IMAGE_1_OUTPUT_TOKENS",
    "IMAGE_EDIT_METER",
    "IMAGE_METER",
    "SPEECH_METER",
    "TRANSCRIPTION_METER",
    "image_generation_bound",
    "image_units",
    "speech_units",
    "transcription_units",
]

#: Output tokens of one image by quality and size, for gpt-image-1 and gpt-image-1-mini
#: (OpenAI's image generation guide).
GPT_IMAGE_1_OUTPUT_TOKENS: Mapping[str, Mapping[str, int]] = {
    "low": {"1024x1024": 272, "1024x1536": 408, "1536x1024": 400},
    "medium": {"1024x1024": 1056, "1024x1536": 1584, "1536x1024": 1568},
    "high": {"1024x1024": 4160, "1024x1536": 6240, "1536x1024": 6208},
}
_PARTIAL_IMAGE_TOKENS = 100
_BOUNDED_IMAGE_MODEL = re.compile(r"^gpt-image-1(-mini)?(-\d{4}-\d{2}-\d{2})?$")
_PER_CHARACTER = re.compile(r"^tts-1(-hd)?(-\d{4})?$")


def _get(obj: Any, name: str) -> Any:
    if isinstance(obj, Mapping):
        return obj.get(name)
    return getattr(obj, name, None)


def _int(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def image_units(body: Mapping[str, Any], result: Any) -> Units | None:
    """The tokens an images call used, from its ``usage`` (None: the server sent none)."""
    usage = _get(result, "usage")
    if usage is None:
        return None
    units: dict[str, int | Decimal] = {"input_tokens": _int(_get(usage, "input_tokens")),
                                       "output_tokens": _int(_get(usage, "output_tokens"))}
    details = _get(usage, "input_tokens_details")
    if details is not None and _int(_get(details, "image_tokens")):
        units["input_image_tokens"] = min(_int(_get(details, "image_tokens")), int(units["input_tokens"]))
    details = _get(usage, "output_tokens_details")
    if details is not None and _int(_get(details, "image_tokens")):
        units["output_image_tokens"] = min(_int(_get(details, "image_tokens")), int(units["output_tokens"]))
    return units


def image_generation_bound(body: Mapping[str, Any]) -> Units | None:
    """The most tokens a generation can use (None: its model or options cannot be bounded)."""
    model = body.get("model")
    if not isinstance(model, str) or not _BOUNDED_IMAGE_MODEL.match(model.lower()):
        return None
    quality = str(body.get("quality") or "auto")
    size = str(body.get("size") or "auto")
    table = GPT_IMAGE_1_OUTPUT_TOKENS
    qualities = list(table) if quality == "auto" else [quality]
    if any(q not in table for q in qualities):
        return None
    sizes = list(table["high"]) if size == "auto" else [size]
    if any(s not in table["high"] for s in sizes):
        return None
    per_image = max(table[q][s] for q in qualities for s in sizes)
    partial = _int(body.get("partial_images"))
    count = _int(body.get("n")) or 1
    prompt = len(str(body.get("prompt") or "").encode("utf-8"))
    return {"input_tokens": prompt, "output_tokens": count * (per_image + partial * _PARTIAL_IMAGE_TOKENS)}


def speech_units(body: Mapping[str, Any], result: Any = None) -> Units | None:
    """The characters a per-character speech model bills (None: billed by unreported tokens)."""
    model = body.get("model")
    if not isinstance(model, str) or not _PER_CHARACTER.match(model.lower()):
        return None
    return {"input_characters": len(str(body.get("input") or ""))}


def transcription_units(body: Mapping[str, Any], result: Any) -> Units | None:
    """What a transcription or translation used: seconds of audio, or tokens (None: unknown)."""
    usage = _get(result, "usage")
    kind = _get(usage, "type") if usage is not None else None
    if (usage is not None and kind == "tokens") or (kind is None and _get(usage, "input_tokens") is not None):
        units: dict[str, int | Decimal] = {"input_tokens": _int(_get(usage, "input_tokens")),
                                           "output_tokens": _int(_get(usage, "output_tokens"))}
        details = _get(usage, "input_token_details")
        audio = _int(_get(details, "audio_tokens")) if details is not None else 0
        if audio:
            units["input_audio_tokens"] = min(audio, int(units["input_tokens"]))
        return units
    seconds = _get(usage, "seconds") if usage is not None else None
    if seconds is None:
        seconds = _get(result, "duration")
    if isinstance(seconds, (int, float)) and not isinstance(seconds, bool) and seconds >= 0:
        return {"audio_seconds": Decimal(str(seconds))}
    return None


IMAGE_METER = Meter(usage=image_units, worst_case=image_generation_bound)
IMAGE_EDIT_METER = Meter(usage=image_units)
SPEECH_METER = Meter(usage=speech_units, worst_case=speech_units)
TRANSCRIPTION_METER = Meter(usage=transcription_units)
