"""The API key never appears in reprs, exception text or logs."""

from __future__ import annotations

import logging
import pickle

import httpx
import pytest

import gptkit
from gptkit._core._config import Secret
from gptkit.testing import VirtualClock

from .helpers import API_KEY, Recorder, chat_body, close, invoke, make_client


async def test_key_never_leaks(kind: str, caplog: pytest.LogCaptureFixture) -> None:
    rec = Recorder(
        httpx.Response(500, json={"error": {"message": "oops"}}),
        httpx.ConnectError("refused"),
        httpx.Response(401, text="unauthorized"),
        httpx.Response(200, json=chat_body()),
    )
    client = make_client(kind, rec, retry=gptkit.RetryPolicy(max_attempts=3))
    texts = [repr(client), str(client), repr(client._config), repr(client.with_options(timeout=1))]
    with caplog.at_level(logging.DEBUG), VirtualClock():
        for _ in range(2):
            try:
                result = await invoke(client, "chat.completions.create", model="m",
                                      messages=[{"role": "user", "content": "hi"}])
                texts += [repr(result), str(result)]
            except gptkit.APIError as exc:
                texts += [str(exc), repr(exc), repr(exc.args), str(exc.__cause__)]
    texts.append(caplog.text)
    for text in texts:
        assert API_KEY not in text
    await close(client)


def test_secret_wrapper() -> None:
    secret = Secret(API_KEY)
    assert API_KEY not in repr(secret) and API_KEY not in str(secret) and API_KEY not in f"{secret}"
    assert pickle.loads(pickle.dumps(secret)).reveal() == API_KEY


def test_missing_key_message_names_no_key() -> None:
    with pytest.raises(gptkit.MissingAPIKeyError) as info:
        gptkit.Client()
    assert "NO_API_KEY" in str(info.value)
