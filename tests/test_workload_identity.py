"""``workload_identity=`` (``gptkit.auth``, the official ``openai.auth``): the subject token is
exchanged at the token endpoint before the first attempt that needs it, cached, refreshed before it
expires, dropped on a 401, and never shown. Over the transport seam: one ``MockTransport`` serves
both the token endpoint and the API (``FakeOpenAI``)."""

from __future__ import annotations

import json
import logging
from typing import Any

import httpx
import pytest

import gptkit
from gptkit.auth import WorkloadIdentityAuth, X509WorkloadIdentityAuth, x509_workload_identity
from gptkit.testing import FakeOpenAI

from .helpers import close, invoke

KINDS = ["sync", "async"]
MSGS = [{"role": "user", "content": "hi"}]
SUBJECT = "subject-jwt-SECRET"
TOKEN_HOSTS = ("auth.openai.com", "mtls.auth.openai.com")


class Clock:
    """The token cache's monotonic clock, moved by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class Server:
    """The token endpoint (answers from ``tokens``, records the exchanges) and the API."""

    def __init__(self, *tokens: httpx.Response | dict[str, Any]) -> None:
        self.tokens = list(tokens)
        self.exchanges: list[httpx.Request] = []
        self.api: list[httpx.Request] = []
        self.bearers: list[str] = []  # as sent (a retried request object is sent again, changed)
        self.api_status: list[int] = []  # statuses to answer the next API calls with
        self.fake = FakeOpenAI()
        self.transport = httpx.MockTransport(self.handle)

    def handle(self, request: httpx.Request) -> httpx.Response:
        request.read()
        if request.url.host in TOKEN_HOSTS:
            self.exchanges.append(request)
            step = self.tokens.pop(0) if len(self.tokens) > 1 else self.tokens[0]
            return step if isinstance(step, httpx.Response) else httpx.Response(200, json=step)
        self.api.append(request)
        self.bearers.append(request.headers.get("authorization", ""))
        if self.api_status:
            return httpx.Response(self.api_status.pop(0), json={"error": {"message": "Invalid token."}})
        return self.fake.handle_request(request)

    def body(self, index: int = -1) -> Any:
        return json.loads(self.exchanges[index].content)


def token(name: str = "oai-tok-1", expires_in: float = 3600) -> dict[str, Any]:
    return {"access_token": name, "expires_in": expires_in, "token_type": "Bearer"}


def identity(**extra: Any) -> dict[str, Any]:
    return {"identity_provider_id": "idp-123", "service_account_id": "sa-456",
            "provider": {"token_type": "jwt", "get_token": lambda: SUBJECT}, **extra}


def client_for(kind: str, server: Server, workload: Any, **options: Any) -> Any:
    cls = gptkit.Client if kind == "sync" else gptkit.AsyncClient
    options.setdefault("base_url", "https://api.openai.com/v1")
    return cls(workload_identity=workload, transport=server.transport, max_retries=0, **options)


def cached_auth(clock: Clock, **extra: Any) -> WorkloadIdentityAuth:
    return WorkloadIdentityAuth(workload_identity=identity(**extra), _clock=clock)  # type: ignore[arg-type]


async def chat(client: Any) -> Any:
    return await invoke(client, "chat.completions.create", model="gpt-4o", messages=MSGS)


@pytest.mark.parametrize("kind", KINDS)
async def test_the_subject_token_is_exchanged_once_and_sent_as_bearer(kind: str) -> None:
    server = Server(token())
    client = client_for(kind, server, identity())
    assert client.api_key == "workload-identity-auth"  # the official client's placeholder
    for _ in range(2):
        reply = await chat(client)
        assert reply.choices[0].message.content
    assert len(server.exchanges) == 1  # cached for the second call
    exchange = server.exchanges[0]
    assert (exchange.method, str(exchange.url)) == ("POST", "https://auth.openai.com/oauth/token")
    assert server.body() == {
        "grant_type": "urn:ietf:params:oauth:grant-type:token-exchange", "subject_token": SUBJECT,
        "subject_token_type": "urn:ietf:params:oauth:token-type:jwt",
        "identity_provider_id": "idp-123", "service_account_id": "sa-456"}
    assert "authorization" not in exchange.headers  # nothing of the API calls goes to the exchange
    assert server.bearers == ["Bearer oai-tok-1"] * 2
    copy = client.with_options(timeout=5)  # a copy shares the token
    await chat(copy)
    assert len(server.exchanges) == 1 and copy.workload_identity == client.workload_identity
    await close(client)


@pytest.mark.parametrize("kind", KINDS)
async def test_the_token_is_refreshed_before_it_expires(kind: str) -> None:
    clock = Clock()
    server = Server(token("t1", 3600), token("t2", 100), token("t3", 100))
    client = client_for(kind, server, cached_auth(clock))
    await chat(client)
    clock.now += 3600 - 1200 - 1  # the default buffer: 1200 s before expiry
    await chat(client)
    clock.now += 1
    await chat(client)  # due: exchanged again
    clock.now += 49  # a 100 s token is refreshed at half its life (the buffer is capped)
    await chat(client)
    clock.now += 1
    await chat(client)
    sent = server.bearers
    assert sent == ["Bearer t1", "Bearer t1", "Bearer t2", "Bearer t2", "Bearer t3"]
    await close(client)


@pytest.mark.parametrize("kind", KINDS)
async def test_a_custom_refresh_buffer_is_honoured(kind: str) -> None:
    clock = Clock()
    server = Server(token("t1", 3600), token("t2", 3600))
    client = client_for(kind, server, cached_auth(clock, refresh_buffer_seconds=120.0))
    await chat(client)
    clock.now += 3600 - 121
    await chat(client)
    clock.now += 1
    await chat(client)
    assert server.bearers == ["Bearer t1", "Bearer t1", "Bearer t2"]
    await close(client)


@pytest.mark.parametrize("kind", KINDS)
async def test_a_busy_token_endpoint_keeps_the_valid_token_and_fails_typed_once_it_expired(kind: str) -> None:
    clock = Clock()
    busy = httpx.Response(503, json={"error": {"message": "try later"}})
    server = Server(token("t1", 3600), busy)
    client = client_for(kind, server, cached_auth(clock))
    await chat(client)
    clock.now += 3000  # due for refresh, not expired: the refresh fails, the call goes on with t1
    await chat(client)
    assert server.api[-1].headers["authorization"] == "Bearer t1"
    clock.now += 600  # expired
    with pytest.raises(gptkit.InternalServerError, match="Token exchange failed with status 503"):
        await chat(client)
    assert len(server.api) == 2  # the API never saw the call without a token
    await close(client)


@pytest.mark.parametrize("kind", KINDS)
async def test_a_refused_identity_is_an_oauth_error_that_shows_no_token(kind: str) -> None:
    refused = httpx.Response(401, json={"error": "invalid_grant", "error_description": "Subject token rejected.",
                                        "echo": SUBJECT})
    server = Server(refused)
    client = client_for(kind, server, identity())
    with pytest.raises(gptkit.OAuthError) as caught:
        await chat(client)
    error = caught.value
    assert isinstance(error, gptkit.AuthenticationError) and error.error == "invalid_grant"
    assert str(error) == "Subject token rejected." and error.status_code == 401
    assert SUBJECT not in repr(error.body) + str(error) + repr(error)
    assert server.api == []
    await close(client)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(("answer", "message"), [
    ({"expires_in": 60}, "access_token"),
    ({"access_token": "t", "expires_in": "soon"}, "expires_in"),
    ({"access_token": "t", "expires_in": 0}, "expires_in"),
])
async def test_an_unusable_token_answer_is_a_typed_error(kind: str, answer: dict[str, Any], message: str) -> None:
    server = Server(answer)
    client = client_for(kind, server, identity())
    with pytest.raises(gptkit.OpenAIError, match=message):
        await chat(client)
    assert server.api == []
    await close(client)


@pytest.mark.parametrize("kind", KINDS)
async def test_an_unreachable_token_endpoint_is_a_connection_error_the_client_retries(kind: str) -> None:
    calls: list[int] = []

    def flaky(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        if len(calls) == 1:
            raise httpx.ConnectError("refused", request=request)
        return httpx.Response(200, json=token())

    server = Server(token())
    transport = httpx.MockTransport(lambda r: flaky(r) if r.url.host in TOKEN_HOSTS else server.handle(r))
    cls = gptkit.Client if kind == "sync" else gptkit.AsyncClient
    client = cls(workload_identity=identity(), transport=transport,  # type: ignore[arg-type]
                 retry=gptkit.RetryPolicy(max_attempts=3, zero_waits=True))
    await chat(client)
    assert len(calls) == 2 and server.api[0].headers["authorization"] == "Bearer oai-tok-1"
    await close(client)


@pytest.mark.parametrize("kind", KINDS)
async def test_a_401_from_the_api_drops_the_token_and_tries_once_more(kind: str) -> None:
    server = Server(token("revoked"), token("fresh"))
    server.api_status = [401]
    client = client_for(kind, server, identity())
    await chat(client)
    assert server.bearers == ["Bearer revoked", "Bearer fresh"]
    server.api_status = [401, 401]  # refused again: the error is raised, not a loop
    with pytest.raises(gptkit.AuthenticationError):
        await chat(client)
    assert len(server.api) == 4
    await close(client)


@pytest.mark.parametrize("kind", KINDS)
async def test_the_token_never_shows_in_reprs_or_logs(kind: str, caplog: pytest.LogCaptureFixture) -> None:
    server = Server(token("oai-tok-SECRET"))
    client = client_for(kind, server, identity())
    with caplog.at_level(logging.DEBUG):
        await chat(client)
    auth = client._config.api_key_provider.auth
    shown = repr(client) + repr(client._config) + repr(auth) + caplog.text + client.api_key
    assert "SECRET" not in shown
    await close(client)


@pytest.mark.parametrize(("workload", "options", "message"), [
    (identity(), {"api_key": "sk-x"}, "mutually exclusive"),
    ({**identity(), "provider": {"token_type": "saml", "get_token": lambda: "x"}}, {}, "token_type"),
    ({"identity_provider_id": "idp", "service_account_id": "sa"}, {}, "provider"),
    ({**identity(), "service_account_id": ""}, {}, "service_account_id"),
    (identity(refresh_buffer_seconds=-1), {}, "refresh_buffer_seconds"),
    (x509_workload_identity(identity_provider_id="i", service_account_id="s"), {"base_url": "http://x/v1"}, "HTTPS API URL"),
    ({**x509_workload_identity(identity_provider_id="i", service_account_id="s"), "provider": {}}, {}, "provider"),
])
def test_bad_configuration_is_refused_before_anything_is_sent(workload: Any, options: dict[str, Any],
                                                              message: str) -> None:
    server = Server(token())
    with pytest.raises(gptkit.ConfigurationError, match=message):
        gptkit.Client(workload_identity=workload, transport=server.transport, **options)
    assert server.exchanges == [] and server.api == []


def test_a_copy_with_an_api_key_drops_the_identity() -> None:
    server = Server(token())
    client = client_for("sync", server, identity())
    keyed = client.copy(api_key="sk-plain")
    keyed.chat.completions.create(model="gpt-4o", messages=MSGS)
    assert keyed.workload_identity is None and server.exchanges == []
    assert server.api[0].headers["authorization"] == "Bearer sk-plain"


@pytest.mark.parametrize("kind", KINDS)
async def test_x509_exchanges_at_the_pinned_mtls_endpoint_through_the_clients_transport(kind: str) -> None:
    server = Server(token("x509-token"))
    workload = x509_workload_identity(identity_provider_id="idp-x", service_account_id="sa-x",
                                      refresh_buffer_seconds=60)
    client = client_for(kind, server, workload, base_url=None)
    assert str(client.base_url) == "https://mtls.api.openai.com/v1/"  # the mTLS API by default
    await chat(client)
    await chat(client)
    assert len(server.exchanges) == 1
    assert str(server.exchanges[0].url) == "https://mtls.auth.openai.com/oauth/token"
    assert server.body() == {"grant_type": "urn:ietf:params:oauth:grant-type:token-exchange",
                             "subject_token_type": "urn:openai:params:oauth:token-type:x509",
                             "identity_provider_id": "idp-x", "service_account_id": "sa-x"}
    assert "authorization" not in server.exchanges[0].headers
    assert str(server.api[0].url).startswith("https://mtls.api.openai.com/v1/")
    assert server.api[0].headers["authorization"] == "Bearer x509-token"
    await close(client)


def test_x509_refuses_a_token_that_is_not_bearer() -> None:
    server = Server({**token(), "token_type": "mac"})
    auth = X509WorkloadIdentityAuth(workload_identity=x509_workload_identity(
        identity_provider_id="i", service_account_id="s"), http_client=httpx.Client(transport=server.transport))
    with pytest.raises(gptkit.OpenAIError, match="Bearer"):
        auth.get_token()


def test_the_auth_object_alone_gets_and_invalidates_tokens() -> None:
    clock = Clock()
    server = Server(token("a"), token("b"))
    auth = WorkloadIdentityAuth(workload_identity=identity(),  # type: ignore[arg-type]
                                token_exchange_url="https://auth.openai.com/x",
                                http_client=httpx.Client(transport=server.transport), _clock=clock)
    assert auth.get_token() == "a" == auth.get_token()
    auth.invalidate_token("not-the-cached-one")
    assert auth.get_token() == "a"
    auth.invalidate_token()
    assert auth.get_token() == "b" and len(server.exchanges) == 2
    assert str(server.exchanges[0].url) == "https://auth.openai.com/x"
