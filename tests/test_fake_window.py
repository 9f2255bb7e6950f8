"""The fake server's limit window: a minute's limits scaled down to seconds, as in RateLimit."""

from __future__ import annotations

import json
import os
import random
import socket
import subprocess
import sys
from typing import Any

import httpx
import pytest

import gptkit
from gptkit._tokens import estimate_prompt_tokens, max_output_tokens
from gptkit.testing import FakeOpenAI
from gptkit.testing.fake_server import main as cli_main

from .fakeutil import MSGS

BODY = {"model": "gpt-4o", "messages": MSGS, "max_tokens": 10}


def _post(fake: FakeOpenAI, body: dict[str, Any]) -> tuple[int, dict[str, str], Any]:
    reply = fake.handle("POST", "/v1/chat/completions", {}, json.dumps(body).encode())
    data = b"".join(s for s in reply.steps() if isinstance(s, bytes))
    return reply.status, dict(reply.headers), json.loads(data)


def test_one_second_window_holds_a_second_of_the_limit_and_refills_per_minute_rate() -> None:
    now = [0.0]
    fake = FakeOpenAI(rpm=120, window=1.0, clock=lambda: now[0])  # 2 at once, 2 a second
    results = [_post(fake, BODY) for _ in range(3)]
    assert [r[0] for r in results] == [200, 200, 429]
    assert [r[1]["x-ratelimit-remaining-requests"] for r in results] == ["1", "0", "0"]
    assert results[0][1]["x-ratelimit-limit-requests"] == "120"  # still announced per minute
    assert results[1][1]["x-ratelimit-reset-requests"] == "1s"  # an empty bucket refills in 1 s
    assert results[2][1]["retry-after-ms"] == "500"  # one request refills in 60/120 s
    assert "Limit 120, Used 2, Requested 1" in results[2][2]["error"]["message"]
    now[0] = 0.49
    assert _post(fake, BODY)[0] == 429
    now[0] = 0.5
    assert _post(fake, BODY)[0] == 200
    now[0] = 100.0  # a long pause refills to the window's capacity, not to a minute's worth
    assert [_post(fake, BODY)[0] for _ in range(3)] == [200, 200, 429]
    assert fake.stats.requests_admitted == 5 and fake.stats.rate_limited == 3
    assert (fake.stats.first_admitted, fake.stats.last_admitted) == (0.0, 100.0)
    assert "window=1" in repr(fake)


def test_tokens_window_and_requests_that_never_fit_it() -> None:
    now = [0.0]
    fake = FakeOpenAI(tpm=6000, window=2.0, clock=lambda: now[0])  # 200 tokens at once, 100 a second
    body = {**BODY, "max_tokens": 80}
    cost = estimate_prompt_tokens(body) + max_output_tokens(body)
    assert cost <= 100
    assert [_post(fake, body)[0] for _ in range(3)] == [200, 200, 429]
    assert fake.stats.tokens_admitted == 2 * cost
    # Fits the per-minute limit but not the 2-second window: it could never pass, so no retry-after.
    status, headers, error = _post(fake, {**BODY, "max_tokens": 300})
    assert status == 429 and "retry-after" not in headers
    assert "Request too large" in error["error"]["message"] and "200 per 2s window" in error["error"]["message"]


def _random_run(fake: FakeOpenAI, now: list[float], seed: int) -> list[tuple[int, dict[str, str]]]:
    rng = random.Random(seed)
    out = []
    for _ in range(300):
        now[0] += rng.choice([0.0, 0.0, 0.05, 0.5, 3.0])
        status, headers, _ = _post(fake, {**BODY, "max_tokens": rng.randint(1, 400)})
        out.append((status, headers))
    return out


@pytest.mark.parametrize("seed", [1, 2])
def test_default_window_is_the_minute_unchanged(seed: int) -> None:
    """``window=60`` is the default and behaves as the fake always did: a minute's burst."""
    runs = []
    for options in ({}, {"window": 60.0}, {"window": 60}):
        now = [0.0]
        fake = FakeOpenAI(rpm=30, tpm=4000, clock=lambda now=now: now[0], **options)  # type: ignore[misc]
        runs.append([(s, {k: v for k, v in h.items() if k.startswith(("x-ratelimit", "retry"))})
                     for s, h in _random_run(fake, now, seed)])
    assert runs[0] == runs[1] == runs[2]
    statuses = [s for s, _ in runs[0]]
    assert statuses.count(429) > 20 and statuses.count(200) > 30  # the limits did bind
    # A fresh default fake takes a whole minute's allowance at once.
    fresh = FakeOpenAI(rpm=30, clock=lambda: 0.0)
    assert [_post(fresh, BODY)[0] for _ in range(31)] == [200] * 30 + [429]
    assert _post(fresh, BODY)[1]["x-ratelimit-reset-requests"] == "1m0s"


@pytest.mark.slow
def test_scaled_window_admits_the_same_long_run_rate() -> None:
    """Over a long run both windows let ``rpm`` a minute through; only the burst differs."""
    admitted = {}
    for window in (60.0, 1.0):
        now = [0.0]
        fake = FakeOpenAI(rpm=600, window=window, clock=lambda now=now: now[0])  # type: ignore[misc]
        for _ in range(2400):  # 120 s at 20 attempts a second
            _post(fake, BODY)
            now[0] += 0.05
        admitted[window] = fake.stats.requests_admitted
    # burst + 10 a second for 120 s (the last step's refill lands just after the run ends)
    assert admitted[60.0] == pytest.approx(600 + 1200, abs=2)
    assert admitted[1.0] == pytest.approx(10 + 1200, abs=2)


@pytest.mark.parametrize("window", [0, -1, 3601, float("nan"), True])
def test_bad_window_is_a_clear_error(window: Any) -> None:
    with pytest.raises(ValueError, match="window must be in"):
        FakeOpenAI(rpm=10, window=window)
    fake = FakeOpenAI(rpm=10, window=2)
    with pytest.raises(ValueError, match="window must be in"):
        fake.set_limits(rpm=5, window=window)


def test_set_limits_keeps_or_replaces_the_window() -> None:
    now = [0.0]
    fake = FakeOpenAI(rpm=120, window=1.0, clock=lambda: now[0])
    fake.set_limits(rpm=240)
    assert fake.limits.window == 1.0
    assert [_post(fake, BODY)[0] for _ in range(5)] == [200] * 4 + [429]
    fake.set_limits(rpm=240, window=60)
    assert [_post(fake, BODY)[0] for _ in range(241)] == [200] * 240 + [429]


def test_command_line_rejects_a_bad_window(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["--rpm", "60", "--window", "0"]) == 2
    assert "window must be in" in capsys.readouterr().err


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_command_line_window() -> None:
    # rpm=6 with a 10 s window holds a single request: the default minute would hold 6.
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "gptkit.testing.fake_server", "--port", str(port), "--rpm", "6", "--window", "10"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        assert process.stdout is not None
        assert f"http://127.0.0.1:{port}/v1" in process.stdout.readline()
        with gptkit.Client(base_url=f"http://127.0.0.1:{port}/v1", api_key="sk-x", max_retries=0) as client:
            client.chat.completions.create(**BODY)  # type: ignore[call-overload]
            with pytest.raises(gptkit.RateLimitError) as caught:
                client.chat.completions.create(**BODY)  # type: ignore[call-overload]
        assert caught.value.headers["x-ratelimit-limit-requests"] == "6"
        assert 9000 <= int(caught.value.headers["retry-after-ms"]) <= 10000
        with httpx.Client() as http:  # not limited: the models listing still answers
            assert http.get(f"http://127.0.0.1:{port}/v1/models").status_code == 200
    finally:
        process.terminate()
        process.wait(10)
