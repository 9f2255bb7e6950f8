"""Azure OpenAI's rate-limit signals fed to the limiter, over the transport seam.

Azure answers with ``x-ratelimit-remaining-requests`` and ``x-ratelimit-remaining-tokens`` but
usually no ``x-ratelimit-limit-*`` nor ``x-ratelimit-reset-*``; its 429s carry ``retry-after``
/ ``retry-after-ms`` and the code ``"429"``. The limiter must read "remaining only" (slow down
when Azure counts less left than it does, never crash on odd values) and hold after a 429.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest

import gptkit
from gptkit._ratelimit._limiter import request_tokens
from gptkit.testing import VirtualClock
from tests.helpers import Recorder, chat_body, close, invoke

ENDPOINT = "https://my-res.openai.azure.com"
VERSION = "2024-10-21"
DEPLOYMENT = "gpt4o-prod"
BODY = {"model": DEPLOYMENT, "messages": [{"role": "user", "content": "hi"}], "max_tokens": 50}
COST = request_tokens(BODY)
EXACT = {"window": 60.0, "jitter": 0.0}  # capacity == the per-minute limit; nothing held back


@pytest.fixture(autouse=True)
def _no_azure_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("AZURE_OPENAI_API_KEY", "AZURE_OPENAI_ENDPOINT", "OPENAI_API_VERSION", "AZURE_OPENAI_AD_TOKEN"):
        monkeypatch.delenv(var, raising=False)


def azure(kind: str, recorder: Recorder, **options: Any) -> gptkit.AzureClient | gptkit.AsyncAzureClient:
    options.setdefault("azure_endpoint", ENDPOINT)
    options.setdefault("api_version", VERSION)
    options.setdefault("api_key", "azkey-0123456789abcdef")
    cls = gptkit.AzureClient if kind == "sync" else gptkit.AsyncAzureClient
    return cls(transport=recorder.transport, **options)  # type: ignore[arg-type]


def answer(**headers: str) -> httpx.Response:
    """A 200 whose usage equals the limiter's estimate (no refund blurs the numbers)."""
    return httpx.Response(200, json=chat_body(model="gpt-4o-2024-08-06", prompt=COST - 5, completion=5),
                          headers={"x-request-id": "azreq", **headers})


def azure_429(**headers: str) -> httpx.Response:
    message = ("Requests to the ChatCompletions_Create Operation under Azure OpenAI API version 2024-10-21 "
               "have exceeded token rate limit of your current OpenAI S0 pricing tier. Please retry after "
               "2 seconds.")
    return httpx.Response(429, json={"error": {"code": "429", "message": message}}, headers=headers)


async def chat(client: Any) -> Any:
    return await invoke(client, "chat.completions.create", **BODY)


@pytest.mark.parametrize(("remaining_requests", "remaining_tokens", "sleeps"), [
    # Azure agrees with what gptkit counted: no slowdown.
    ("59", str(6000 - COST), []),
    # Azure says the tokens are gone (another program on the deployment): wait for COST tokens
    # to come back at 100 a second.
    ("59", "0", [COST / 100]),
    # Azure says the requests are gone: wait for one to come back (60 a minute).
    ("0", str(6000 - COST), [1.0]),
])
async def test_remaining_only_headers_slow_down_when_azure_counts_less_left(
    kind: str, remaining_requests: str, remaining_tokens: str, sleeps: list[float]
) -> None:
    recorder = Recorder(answer(**{"x-ratelimit-remaining-requests": remaining_requests,
                                  "x-ratelimit-remaining-tokens": remaining_tokens}))
    limiter = gptkit.RateLimiter(gptkit.RateLimit(rpm=60, tpm=6000, **EXACT))
    with VirtualClock() as clock:
        client = azure(kind, recorder, rate_limit=limiter)
        await chat(client)
        scope = limiter.stats().scopes[DEPLOYMENT]
        await chat(client)
        await close(client)
    assert clock.sleeps == [pytest.approx(s) for s in sleeps]
    # The limits in force are the configured ones: "remaining" alone never changes a limit.
    assert (scope["rpm"], scope["tpm"]) == (60, 6000)
    assert scope["tokens_available"] == pytest.approx(min(6000 - COST, float(remaining_tokens)))
    assert scope["requests_available"] == pytest.approx(min(59, float(remaining_requests)))
    assert recorder.requests[0].url.path == f"/openai/deployments/{DEPLOYMENT}/chat/completions"


async def test_remaining_for_an_unconfigured_limit_is_ignored(kind: str) -> None:
    # Only a concurrency cap: "remaining" of a limit gptkit does not know the size of says nothing.
    recorder = Recorder(answer(**{"x-ratelimit-remaining-requests": "0", "x-ratelimit-remaining-tokens": "0"}))
    limiter = gptkit.RateLimiter(gptkit.RateLimit(max_concurrency=2, **EXACT))
    with VirtualClock() as clock:
        client = azure(kind, recorder, rate_limit=limiter)
        for _ in range(3):
            await chat(client)
        await close(client)
    assert clock.sleeps == []
    scope = limiter.stats().scopes[DEPLOYMENT]
    assert scope["rpm"] is None and scope["tpm"] is None


async def test_limit_headers_when_azure_sends_them_lower_the_limit(kind: str) -> None:
    recorder = Recorder(answer(**{"x-ratelimit-limit-tokens": "3000", "x-ratelimit-remaining-tokens": "0",
                                  "x-ratelimit-remaining-requests": "59"}))
    limiter = gptkit.RateLimiter(gptkit.RateLimit(rpm=60, tpm=6000, **EXACT))
    with VirtualClock() as clock:
        client = azure(kind, recorder, rate_limit=limiter)
        await chat(client)
        await chat(client)
        await close(client)
    assert limiter.stats().scopes[DEPLOYMENT]["tpm"] == 3000
    assert clock.sleeps == [pytest.approx(COST / 50)]  # 3000 a minute: 50 tokens a second


@pytest.mark.parametrize("headers", [
    {"retry-after-ms": "2000", "retry-after": "2"},
    {"retry-after": "2"},
    {"retry-after-ms": "2000", "x-ratelimit-remaining-requests": "0", "x-ratelimit-remaining-tokens": "0"},
])
async def test_azure_429_holds_every_waiter_without_reset_headers(kind: str, headers: dict[str, str]) -> None:
    limiter = gptkit.RateLimiter(gptkit.RateLimit(rpm=6000, tpm=600_000, **EXACT))
    first = azure(kind, Recorder(azure_429(**headers)), max_retries=0, rate_limit=limiter)
    other = Recorder(answer())
    second = azure(kind, other, rate_limit=limiter)
    with VirtualClock() as clock:
        with pytest.raises(gptkit.RateLimitError) as caught:
            await chat(first)
        await chat(second)  # another client on the same deployment and limiter: held too
        await close(first)
        await close(second)
    assert not isinstance(caught.value, gptkit.InsufficientQuotaError)
    assert clock.sleeps == [pytest.approx(2.0)]
    assert limiter.stats().holds == 1 and len(other.requests) == 1


async def test_azure_429_then_success_waits_once(kind: str) -> None:
    recorder = Recorder(azure_429(**{"retry-after-ms": "1500", "x-ratelimit-remaining-tokens": "0"}),
                        answer(**{"x-ratelimit-remaining-tokens": "5000"}))
    with VirtualClock() as clock:
        client = azure(kind, recorder, rate_limit=gptkit.RateLimit(rpm=600, tpm=60_000, **EXACT))
        result = await chat(client)
        await close(client)
    assert result.usage.total_tokens == COST
    assert clock.sleeps == [pytest.approx(1.5)]  # the retry's wait covers the hold
    assert len(recorder.requests) == 2


@pytest.mark.parametrize("headers", [
    {"x-ratelimit-remaining-requests": "-3", "x-ratelimit-remaining-tokens": "lots"},
    {"x-ratelimit-remaining-requests": "nan", "x-ratelimit-remaining-tokens": "inf"},
    {"x-ratelimit-remaining-tokens": "1,000", "x-ratelimit-limit-tokens": "0", "x-ratelimit-reset-tokens": "soon"},
    {"x-ratelimit-remaining-requests": "", "x-ratelimit-limit-requests": "-60"},
])
async def test_odd_header_values_are_ignored(kind: str, headers: dict[str, str]) -> None:
    recorder = Recorder(answer(**headers))
    limiter = gptkit.RateLimiter(gptkit.RateLimit(rpm=60, tpm=6000, **EXACT))
    with VirtualClock() as clock:
        client = azure(kind, recorder, rate_limit=limiter)
        await chat(client)
        await chat(client)
        await close(client)
    assert clock.sleeps == []  # 60 a minute and 6000 tokens hold both calls at once
    assert (limiter.stats().scopes[DEPLOYMENT]["rpm"], limiter.stats().scopes[DEPLOYMENT]["tpm"]) == (60, 6000)


@pytest.mark.parametrize("retry_after", [{"retry-after": "soon"}, {"retry-after-ms": "nan"},
                                         {"retry-after": "inf"}, {"x-ratelimit-reset-requests": "nan"}])
async def test_429_with_unreadable_waits_is_a_typed_error_and_a_default_hold(
    kind: str, retry_after: dict[str, str]
) -> None:
    limiter = gptkit.RateLimiter(gptkit.RateLimit(rpm=6000, **EXACT))
    client = azure(kind, Recorder(azure_429(**retry_after)), max_retries=0, rate_limit=limiter)
    with VirtualClock() as clock:
        with pytest.raises(gptkit.RateLimitError):
            await chat(client)
        second = azure(kind, Recorder(answer()), rate_limit=limiter)
        await chat(second)
        await close(client)
        await close(second)
    assert clock.sleeps == [pytest.approx(1.0)]  # DEFAULT_HOLD: no readable wait, a short pause


async def test_lanes_are_per_azure_resource_and_deployment_not_per_key(kind: str) -> None:
    # One limiter shared by clients of two resources: each resource's deployment has its own
    # limits, while two keys of one resource share them (Azure's quota is per deployment).
    limiter = gptkit.RateLimiter(gptkit.RateLimit(rpm=60, window=1.0, jitter=0.0))  # one at once
    east = azure(kind, Recorder(answer()), rate_limit=limiter)
    west = azure(kind, Recorder(answer()), rate_limit=limiter, azure_endpoint="https://west.openai.azure.com")
    east_key2 = azure(kind, Recorder(answer()), rate_limit=limiter, api_key="azkey-second-key-000000")
    fixed = azure(kind, Recorder(answer()), rate_limit=limiter, azure_deployment="other-deployment")
    with VirtualClock() as clock:
        await chat(east)
        await chat(west)  # another resource: its own lane
        await chat(fixed)  # another deployment of the same resource: its own lane
        assert clock.sleeps == []
        await chat(east_key2)  # the same deployment through another key: shares east's lane
        assert clock.sleeps == [pytest.approx(1.0)]
        for client in (east, west, east_key2, fixed):
            await close(client)


@pytest.mark.parametrize("retry_after", [{"retry-after": "soon"}, {"retry-after-ms": "nan"},
                                         {"retry-after": "inf"}, {"x-ratelimit-reset-tokens": "nan"}])
async def test_unreadable_retry_after_falls_back_to_backoff(kind: str, retry_after: dict[str, str]) -> None:
    recorder = Recorder(azure_429(**retry_after), answer())
    policy = gptkit.RetryPolicy(max_attempts=2, initial_backoff=0.5, max_backoff=0.5)
    with VirtualClock() as clock:
        client = azure(kind, recorder, retry=policy, rate_limit=gptkit.RateLimit(rpm=6000, **EXACT))
        await chat(client)
        await close(client)
    assert len(recorder.requests) == 2
    assert all(0 <= s <= 1.0 for s in clock.sleeps) and clock.sleeps  # backoff and hold, finite
