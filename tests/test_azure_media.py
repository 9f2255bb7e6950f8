"""The Azure clients serve images and audio per deployment, like chat: URL, api-version, api-key."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.helpers import Recorder, close, invoke
from tests.test_azure import AZURE_KEY, ENDPOINT, VERSION, make_azure

IMAGES = {"created": 1, "data": [{"b64_json": "aGk="}]}
CASES: list[tuple[str, dict[str, Any], httpx.Response, str]] = [
    ("images.generate", {"model": "img-prod", "prompt": "a fox"}, httpx.Response(200, json=IMAGES),
     "images/generations"),
    ("images.edit", {"model": "img-prod", "prompt": "a hat", "image": b"png"}, httpx.Response(200, json=IMAGES),
     "images/edits"),
    ("audio.speech.create", {"model": "img-prod", "input": "hi", "voice": "alloy"},
     httpx.Response(200, content=b"ID3"), "audio/speech"),
    ("audio.transcriptions.create", {"model": "img-prod", "file": b"wav"}, httpx.Response(200, json={"text": "t"}),
     "audio/transcriptions"),
    ("audio.translations.create", {"model": "img-prod", "file": b"wav"}, httpx.Response(200, json={"text": "t"}),
     "audio/translations"),
]


@pytest.mark.parametrize(("path", "kwargs", "answer", "operation"), CASES, ids=[c[0] for c in CASES])
async def test_media_calls_go_to_the_deployment(
    kind: str, path: str, kwargs: dict[str, Any], answer: httpx.Response, operation: str
) -> None:
    recorder = Recorder(answer)
    client = make_azure(kind, recorder)
    await invoke(client, path, **kwargs)
    await close(client)
    request = recorder.requests[0]
    assert str(request.url) == f"{ENDPOINT}/openai/deployments/img-prod/{operation}?api-version={VERSION}"
    assert request.headers["api-key"] == AZURE_KEY and "authorization" not in request.headers
