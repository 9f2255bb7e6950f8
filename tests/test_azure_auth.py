"""Entra ID token providers: called per request or cached until expiry, refreshed, single-flight;
and no Azure secret ever shows in a repr, an error or a log line."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

import anyio
import httpx
import pytest

import gptkit
from gptkit._azure._auth import REFRESH_MARGIN, TokenCache
from gptkit.testing import VirtualClock

from .helpers import Recorder, chat_body, close, invoke
from .test_azure import AZURE_ENV, ENDPOINT, MSGS, VERSION

TOKEN_SECRET = "eyJ-PLANTED-TOKEN-SECRET"


@pytest.fixture(autouse=True)
def _no_azure_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in AZURE_ENV:
        monkeypatch.delenv(var, raising=False)


def _client(kind: str, rec: Recorder, provider: Callable[[], Any], **options: Any) -> Any:
    cls = gptkit.AzureClient if kind == "sync" else gptkit.AsyncAzureClient
    return cls(azure_endpoint=ENDPOINT, api_version=VERSION, azure_ad_token_provider=provider,
               transport=rec.transport, **options)


def _bearers(rec: Recorder) -> list[str]:
    return [r.headers["authorization"] for r in rec.requests]


class Counting:
    """A provider that hands out numbered tokens; ``lifetime`` None means plain strings."""

    def __init__(self, clock: VirtualClock | None = None, lifetime: float | None = None) -> None:
        self.calls = 0
        self.clock = clock
        self.lifetime = lifetime

    def __call__(self) -> str | gptkit.AzureToken:
        self.calls += 1
        token = f"tok-{self.calls}"
        if self.lifetime is None:
            return token
        assert self.clock is not None
        return gptkit.AzureToken(token=token, expires_on=self.clock.wall() + self.lifetime)


async def test_plain_string_provider_is_called_for_every_request(kind: str) -> None:
    rec = Recorder(httpx.Response(200, json=chat_body()))
    provider = Counting()
    client = _client(kind, rec, provider)
    for _ in range(3):
        await invoke(client, "chat.completions.create", model="d", messages=MSGS)
    assert provider.calls == 3
    assert _bearers(rec) == ["Bearer tok-1", "Bearer tok-2", "Bearer tok-3"]
    assert all("api-key" not in r.headers for r in rec.requests)
    await close(client)


async def test_expiring_token_is_cached_then_refreshed(kind: str) -> None:
    rec = Recorder(httpx.Response(200, json=chat_body()))
    with VirtualClock() as clock:
        provider = Counting(clock, lifetime=3600.0)
        client = _client(kind, rec, provider)
        await invoke(client, "chat.completions.create", model="d", messages=MSGS)
        clock.advance(3600.0 - REFRESH_MARGIN - 1)  # still fresh: reused
        await invoke(client, "models.list")
        clock.advance(2)  # inside the refresh margin: fetched again
        await invoke(client, "chat.completions.create", model="d", messages=MSGS)
        await invoke(client, "chat.completions.create", model="d", messages=MSGS)
    assert provider.calls == 2
    assert _bearers(rec) == ["Bearer tok-1", "Bearer tok-1", "Bearer tok-2", "Bearer tok-2"]
    await close(client)


async def test_token_refreshed_between_retry_attempts(kind: str) -> None:
    seen: list[str] = []  # copied at send time: every attempt re-sends the same request object

    def busy(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers["authorization"])
        return httpx.Response(503, headers={"retry-after": "20"}, json={"error": {"message": "busy"}})

    def ok(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers["authorization"])
        return httpx.Response(200, json=chat_body())

    rec = Recorder(busy, ok)
    with VirtualClock() as clock:
        provider = Counting(clock, lifetime=REFRESH_MARGIN + 10)  # expires during the 20 s wait
        client = _client(kind, rec, provider)
        await invoke(client, "chat.completions.create", model="d", messages=MSGS)
    assert clock.sleeps == [20.0]
    assert seen == ["Bearer tok-1", "Bearer tok-2"]
    await close(client)


async def test_azure_identity_style_access_token_is_accepted(kind: str) -> None:
    from typing import NamedTuple

    class AccessToken(NamedTuple):  # the shape azure-identity's get_token() returns
        token: str
        expires_on: int

    calls: list[int] = []

    def provider() -> AccessToken:
        calls.append(1)
        return AccessToken("aad-token", 1_700_000_000 + 7200)

    rec = Recorder(httpx.Response(200, json=chat_body()))
    with VirtualClock():
        client = _client(kind, rec, provider)
        for _ in range(2):
            await invoke(client, "chat.completions.create", model="d", messages=MSGS)
    assert len(calls) == 1 and _bearers(rec) == ["Bearer aad-token"] * 2
    await close(client)


async def test_async_provider_with_async_client() -> None:
    rec = Recorder(httpx.Response(200, json=chat_body()))
    calls = 0

    async def provider() -> gptkit.AzureToken:
        nonlocal calls
        calls += 1
        await anyio.sleep(0)
        return gptkit.AzureToken(token=f"async-{calls}", expires_on=clock.wall() + 1000)

    with VirtualClock() as clock:
        client = _client("async", rec, provider)
        await invoke(client, "chat.completions.create", model="d", messages=MSGS)
        await invoke(client, "chat.completions.create", model="d", messages=MSGS)
        clock.advance(1000)
        await invoke(client, "chat.completions.create", model="d", messages=MSGS)
    assert calls == 2
    assert _bearers(rec) == ["Bearer async-1", "Bearer async-1", "Bearer async-2"]
    await client.aclose()


async def test_concurrent_tasks_share_one_refresh() -> None:
    calls = 0

    async def provider() -> gptkit.AzureToken:
        nonlocal calls
        calls += 1
        for _ in range(5):
            await anyio.sleep(0)  # let the other tasks pile up behind the lock
        return gptkit.AzureToken(token="shared", expires_on=clock.wall() + 3600)

    cache = TokenCache(provider)
    tokens: list[str] = []

    async def fetch() -> None:
        tokens.append(await cache.aget())

    with VirtualClock() as clock:
        async with anyio.create_task_group() as group:
            for _ in range(20):
                group.start_soon(fetch)
    assert calls == 1 and tokens == ["shared"] * 20


def test_concurrent_threads_share_one_refresh() -> None:
    release = threading.Event()
    calls = 0

    def provider() -> gptkit.AzureToken:
        nonlocal calls
        calls += 1
        release.wait(5)
        return gptkit.AzureToken(token="shared", expires_on=1e12)

    cache = TokenCache(provider)
    results: list[str] = []
    threads = [threading.Thread(target=lambda: results.append(cache.get())) for _ in range(8)]
    for thread in threads:
        thread.start()
    release.set()
    for thread in threads:
        thread.join(5)
    assert calls == 1 and results == ["shared"] * 8


async def test_bad_provider_results_are_type_errors(kind: str) -> None:
    rec = Recorder(httpx.Response(200, json=chat_body()))
    client = _client(kind, rec, lambda: None)
    with pytest.raises(TypeError, match="must return a str"):
        await invoke(client, "chat.completions.create", model="d", messages=MSGS)
    client2 = _client(kind, rec, lambda: "")
    with pytest.raises(TypeError, match="empty token"):
        await invoke(client2, "chat.completions.create", model="d", messages=MSGS)
    assert rec.requests == []
    await close(client)
    await close(client2)


def test_sync_client_refuses_a_provider_returning_an_awaitable() -> None:
    async def make() -> str:
        return "t"

    rec = Recorder(httpx.Response(200, json=chat_body()))
    client = _client("sync", rec, lambda: make())
    with pytest.raises(TypeError, match="AsyncAzureClient"):
        client.chat.completions.create(model="d", messages=MSGS)
    assert rec.requests == []


async def test_azure_secrets_never_leak(kind: str, caplog: pytest.LogCaptureFixture) -> None:
    key = "azkey-PLANTED-SECRET-KEY-987"
    script = (
        httpx.Response(500, json={"error": {"message": "oops"}}),
        httpx.ConnectError("refused"),
        httpx.Response(401, json={"error": {"code": "401", "message": "Access denied due to invalid subscription key"}}),
        httpx.Response(200, json=chat_body()),
    )
    clients: list[Any] = []
    for credential in ({"api_key": key}, {"azure_ad_token": TOKEN_SECRET},
                       {"azure_ad_token_provider": lambda: gptkit.AzureToken(TOKEN_SECRET, 2e9)}):
        rec = Recorder(*script)
        cls = gptkit.AzureClient if kind == "sync" else gptkit.AsyncAzureClient
        clients.append(cls(azure_endpoint=ENDPOINT, api_version=VERSION, transport=rec.transport,
                           retry=gptkit.RetryPolicy(max_attempts=3), **credential))
    texts: list[str] = []
    with caplog.at_level(logging.DEBUG), VirtualClock():
        for client in clients:
            texts += [repr(client), str(client), repr(client._azure), repr(client._config),
                      repr(client.with_options(timeout=1)), repr(client._tokens)]
            for _ in range(2):
                try:
                    result = await invoke(client, "chat.completions.create", model="m", messages=MSGS)
                    texts += [repr(result), str(result)]
                except gptkit.APIError as exc:
                    texts += [str(exc), repr(exc), repr(exc.args), str(exc.__cause__), repr(exc.headers
                              if isinstance(exc, gptkit.APIStatusError) else None)]
    texts += [caplog.text, repr(gptkit.AzureToken(TOKEN_SECRET, 1.0))]
    assert any("Access denied" in t for t in texts)  # the errors really were raised and read
    for text in texts:
        assert key not in text and TOKEN_SECRET not in text
    for client in clients:
        await close(client)


async def test_provider_exception_reaches_the_caller_unchanged(kind: str) -> None:
    class CredentialUnavailable(Exception):
        pass

    def provider() -> str:
        raise CredentialUnavailable("no managed identity here")

    rec = Recorder(httpx.Response(200, json=chat_body()))
    client = _client(kind, rec, provider, retry=gptkit.RetryPolicy(max_attempts=3))
    with pytest.raises(CredentialUnavailable, match="managed identity"):
        await invoke(client, "chat.completions.create", model="d", messages=MSGS)
    assert rec.requests == []  # nothing sent, and not retried
    await close(client)
