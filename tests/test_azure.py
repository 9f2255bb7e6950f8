"""Azure OpenAI over the transport seam: URLs, query, headers, credentials, env and options."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

import gptkit
from gptkit.lib.azure import MutuallyExclusiveAuthError

from .helpers import Recorder, chat_body, close, invoke

ENDPOINT = "https://my-res.openai.azure.com"
VERSION = "2024-10-21"
AZURE_KEY = "azkey-PLANTEDSECRET-0123456789abcdef"
MSGS = [{"role": "user", "content": "hi"}]
AZURE_ENV = ("AZURE_OPENAI_API_KEY", "AZURE_OPENAI_ENDPOINT", "OPENAI_API_VERSION", "AZURE_OPENAI_AD_TOKEN")

EMBED_BODY = {"object": "list", "model": "emb", "data": [{"index": 0, "embedding": [0.5]}],
              "usage": {"prompt_tokens": 1, "total_tokens": 1}}
COMPLETION_BODY = {"id": "c", "object": "text_completion", "model": "inst",
                   "choices": [{"index": 0, "text": "x", "finish_reason": "stop"}],
                   "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}}
MODELS_BODY = {"object": "list", "data": [{"id": "gpt-4o", "object": "model", "created": 1, "owned_by": "x"}]}


@pytest.fixture(autouse=True)
def _no_azure_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in AZURE_ENV:
        monkeypatch.delenv(var, raising=False)


def make_azure(kind: str, recorder: Recorder, **options: Any) -> gptkit.AzureClient | gptkit.AsyncAzureClient:
    options.setdefault("azure_endpoint", ENDPOINT)
    options.setdefault("api_version", VERSION)
    if not {"api_key", "azure_ad_token", "azure_ad_token_provider"} & set(options):
        options["api_key"] = AZURE_KEY
    if kind == "sync":
        return gptkit.AzureClient(transport=recorder.transport, **options)
    return gptkit.AsyncAzureClient(transport=recorder.transport, **options)


# (resource path, kwargs, response body, expected URL); deployment taken from ``model``.
ROUTES: list[tuple[str, dict[str, Any], dict[str, Any], str]] = [
    ("chat.completions.create", {"model": "gpt4o-prod", "messages": MSGS}, chat_body(),
     f"{ENDPOINT}/openai/deployments/gpt4o-prod/chat/completions?api-version={VERSION}"),
    ("completions.create", {"model": "instruct", "prompt": "hi"}, COMPLETION_BODY,
     f"{ENDPOINT}/openai/deployments/instruct/completions?api-version={VERSION}"),
    ("embeddings.create", {"model": "emb-small", "input": "hi"}, EMBED_BODY,
     f"{ENDPOINT}/openai/deployments/emb-small/embeddings?api-version={VERSION}"),
    ("models.list", {}, MODELS_BODY, f"{ENDPOINT}/openai/models?api-version={VERSION}"),
    ("models.retrieve", {"model": "gpt-4o"}, MODELS_BODY["data"][0],  # type: ignore[index]
     f"{ENDPOINT}/openai/models/gpt-4o?api-version={VERSION}"),
]


@pytest.mark.parametrize(("path", "kwargs", "body", "url"), ROUTES, ids=[r[0] for r in ROUTES])
async def test_exact_url_query_and_headers(
    kind: str, path: str, kwargs: dict[str, Any], body: dict[str, Any], url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("OPENAI_ORG_ID", "org-should-not-be-sent")
    rec = Recorder(httpx.Response(200, json=body))
    client = make_azure(kind, rec)
    await invoke(client, path, **kwargs)
    request = rec.requests[0]
    assert str(request.url) == url
    assert dict(request.url.params) == {"api-version": VERSION}
    assert request.headers["api-key"] == AZURE_KEY
    assert "authorization" not in request.headers  # the key is never sent as a Bearer token
    assert "openai-organization" not in request.headers
    await close(client)


async def test_fixed_deployment_wins_over_model(kind: str) -> None:
    rec = Recorder(httpx.Response(200, json=chat_body()), httpx.Response(200, json=EMBED_BODY))
    client = make_azure(kind, rec, azure_deployment="fixed dep")
    await invoke(client, "chat.completions.create", model="gpt-4o", messages=MSGS)
    await invoke(client, "embeddings.create", model="whatever", input="x")
    assert str(rec.requests[0].url) == (
        f"{ENDPOINT}/openai/deployments/fixed%20dep/chat/completions?api-version={VERSION}"
    )
    assert rec.requests[1].url.raw_path.startswith(b"/openai/deployments/fixed%20dep/embeddings?")
    assert rec.json(0)["model"] == "gpt-4o"  # the body is left as the caller wrote it
    assert client.azure_deployment == "fixed dep"
    await close(client)


async def test_extra_query_merges_with_api_version(kind: str) -> None:
    rec = Recorder(httpx.Response(200, json=chat_body()))
    client = make_azure(kind, rec, default_query={"trace": "1"})
    await invoke(client, "chat.completions.create", model="d", messages=MSGS,
                 extra_query={"api-version": "2025-01-01-preview"})
    assert dict(rec.requests[0].url.params) == {"api-version": "2025-01-01-preview", "trace": "1"}
    await close(client)


async def test_static_ad_token_is_a_bearer_and_no_api_key(kind: str) -> None:
    rec = Recorder(httpx.Response(200, json=chat_body()))
    client = make_azure(kind, rec, azure_ad_token="eyJ-static-token")
    await invoke(client, "chat.completions.create", model="d", messages=MSGS)
    assert rec.requests[0].headers["authorization"] == "Bearer eyJ-static-token"
    assert "api-key" not in rec.requests[0].headers
    await close(client)


async def test_environment_variables(kind: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AZURE_OPENAI_ENDPOINT", "https://env-res.openai.azure.com/")
    monkeypatch.setenv("OPENAI_API_VERSION", "2024-06-01")
    monkeypatch.setenv("AZURE_OPENAI_API_KEY", "env-key")
    monkeypatch.setenv("AZURE_OPENAI_AD_TOKEN", "env-token-ignored-when-a-key-is-set")
    rec = Recorder(httpx.Response(200, json=chat_body()))
    cls = gptkit.AzureClient if kind == "sync" else gptkit.AsyncAzureClient
    client = cls(transport=rec.transport)  # type: ignore[arg-type]
    await invoke(client, "chat.completions.create", model="dep", messages=MSGS)
    request = rec.requests[0]
    assert str(request.url) == "https://env-res.openai.azure.com/openai/deployments/dep/chat/completions?api-version=2024-06-01"
    assert request.headers["api-key"] == "env-key" and "authorization" not in request.headers
    await close(client)

    monkeypatch.delenv("AZURE_OPENAI_API_KEY")
    rec = Recorder(httpx.Response(200, json=chat_body()))
    client = cls(transport=rec.transport)  # type: ignore[arg-type]
    await invoke(client, "chat.completions.create", model="dep", messages=MSGS)
    assert rec.requests[0].headers["authorization"] == "Bearer env-token-ignored-when-a-key-is-set"
    await close(client)


@pytest.mark.parametrize("cls", [gptkit.AzureClient, gptkit.AsyncAzureClient])
def test_missing_options_raise_typed_errors_at_construction(cls: Any) -> None:
    with pytest.raises(gptkit.ConfigurationError, match="AZURE_OPENAI_ENDPOINT"):
        cls(api_version=VERSION, api_key="k")
    with pytest.raises(gptkit.ConfigurationError, match="OPENAI_API_VERSION"):
        cls(azure_endpoint=ENDPOINT, api_key="k")
    with pytest.raises(gptkit.MissingAPIKeyError, match="AZURE_OPENAI_API_KEY"):
        cls(azure_endpoint=ENDPOINT, api_version=VERSION)
    with pytest.raises(MutuallyExclusiveAuthError, match="mutually exclusive; Only one"):
        cls(azure_endpoint=ENDPOINT, api_version=VERSION, api_key="k", azure_ad_token="t")
    with pytest.raises(gptkit.ConfigurationError, match="https://"):
        cls(azure_endpoint="my-res.openai.azure.com", api_version=VERSION, api_key="k")
    with pytest.raises(gptkit.ConfigurationError, match="azure_deployment"):
        cls(azure_endpoint=ENDPOINT, api_version=VERSION, api_key="k", azure_deployment="")
    assert issubclass(gptkit.ConfigurationError, ValueError)


def test_async_provider_is_refused_by_the_sync_client() -> None:
    async def provider() -> str:
        return "t"

    with pytest.raises(gptkit.ConfigurationError, match="AsyncAzureClient"):
        gptkit.AzureClient(azure_endpoint=ENDPOINT, api_version=VERSION, azure_ad_token_provider=provider)


async def test_missing_deployment_raises_before_io(kind: str) -> None:
    # The parameter validators already require ``model``; this guards endpoints without one.
    from gptkit._core._base import Endpoint
    from gptkit.types import ChatCompletion

    rec = Recorder()
    client = make_azure(kind, rec)
    bare = Endpoint(method="POST", path="/chat/completions", response=ChatCompletion)
    with pytest.raises(gptkit.InvalidParameterError, match="azure_deployment") as info:
        client._prepare(bare, {"extra_body": {"messages": MSGS}})
    assert info.value.param == "model"
    assert rec.requests == []
    await close(client)


async def test_no_api_key_sends_no_credential(kind: str) -> None:
    rec = Recorder(httpx.Response(200, json=chat_body()))
    client = make_azure(kind, rec, api_key=gptkit.NO_API_KEY)
    await invoke(client, "chat.completions.create", model="d", messages=MSGS)
    assert "api-key" not in rec.requests[0].headers and "authorization" not in rec.requests[0].headers
    await close(client)


def test_endpoint_with_openai_suffix_is_accepted() -> None:
    client = gptkit.AzureClient(azure_endpoint=ENDPOINT + "/openai/", api_version=VERSION, api_key="k")
    assert client.azure_endpoint == ENDPOINT and client.api_version == VERSION
    assert client.base_url == ENDPOINT + "/openai/"  # with the trailing slash, as the official client


async def test_with_options_changes_azure_options(kind: str) -> None:
    rec = Recorder(httpx.Response(200, json=chat_body()))
    client = make_azure(kind, rec, max_retries=0)
    other = client.with_options(api_version="2025-01-01-preview", api_key="second-key", azure_deployment="dep2")
    assert isinstance(other, type(client))
    await invoke(other, "chat.completions.create", model="ignored", messages=MSGS)
    await invoke(client, "chat.completions.create", model="d1", messages=MSGS)
    first, second = rec.requests
    assert str(first.url) == f"{ENDPOINT}/openai/deployments/dep2/chat/completions?api-version=2025-01-01-preview"
    assert first.headers["api-key"] == "second-key"
    assert str(second.url) == f"{ENDPOINT}/openai/deployments/d1/chat/completions?api-version={VERSION}"
    assert second.headers["api-key"] == AZURE_KEY  # the original is unchanged
    token_client = client.with_options(azure_ad_token="tok", timeout=3)
    assert token_client._headers.get("authorization") == "Bearer tok" and "api-key" not in token_client._headers
    same = client.with_options(timeout=5)
    assert same._headers["api-key"] == AZURE_KEY and same.timeout == 5
    moved = client.with_options(base_url="https://elsewhere.example/openai/deployments/d9")
    await invoke(moved, "chat.completions.create", model="ignored", messages=MSGS)
    assert str(rec.requests[-1].url) == (
        f"https://elsewhere.example/openai/deployments/d9/chat/completions?api-version={VERSION}")
    back = moved.with_options(azure_endpoint=ENDPOINT)  # the official copy's rule: one or the other
    await invoke(back, "chat.completions.create", model="d1", messages=MSGS)
    assert str(rec.requests[-1].url) == str(second.url)
    await close(client)


def test_price_provider() -> None:
    azure = gptkit.AzureClient(azure_endpoint=ENDPOINT, api_version=VERSION, api_key="k")
    assert azure._price_provider == "azure"
    assert azure.with_options(timeout=2)._price_provider == "azure"
    assert gptkit.Client(api_key="k")._price_provider == "openai"
    local = gptkit.Client(api_key=gptkit.NO_API_KEY, base_url="http://127.0.0.1:8000/v1")
    assert local._price_provider is None
    via_base_url = gptkit.Client(api_key="k", base_url="https://x.openai.azure.com/openai/v1")
    assert via_base_url._price_provider == "azure"
    assert gptkit.Client(api_key="k", base_url="https://gateway.example.com/v1")._price_provider is None


async def test_the_official_names_build_the_azure_clients(kind: str) -> None:
    import inspect

    import openai as official

    import gptkit as openai

    assert openai.AzureOpenAI is gptkit.AzureClient and openai.AsyncAzureOpenAI is gptkit.AsyncAzureClient
    recorder = Recorder(httpx.Response(200, json=chat_body()))
    cls = openai.AzureOpenAI if kind == "sync" else openai.AsyncAzureOpenAI
    client = cls(api_key=AZURE_KEY, azure_endpoint=ENDPOINT, api_version=VERSION, transport=recorder.transport)
    await invoke(client, "chat.completions.create", model="gpt4o-prod", messages=MSGS)
    await close(client)
    assert str(recorder.requests[0].url) == (
        f"{ENDPOINT}/openai/deployments/gpt4o-prod/chat/completions?api-version={VERSION}")
    # Every parameter name of the official constructor is one gptkit's takes.
    theirs = official.AzureOpenAI if kind == "sync" else official.AsyncAzureOpenAI
    names = {n for n, p in inspect.signature(theirs).parameters.items() if p.kind is p.KEYWORD_ONLY}
    ours = {n for n, p in inspect.signature(cls).parameters.items() if p.kind is p.KEYWORD_ONLY}
    # Not taken (docs/migration.md): realtime websockets, webhooks, the admin key and workload
    # identity federation, the official client's private switches.
    not_taken = {"websocket_base_url", "webhook_secret", "admin_api_key", "workload_identity",
                 "_strict_response_validation", "_enforce_credentials"}
    assert names - ours == not_taken


@pytest.mark.parametrize(("base_url", "expected"), [
    (ENDPOINT + "/openai", f"{ENDPOINT}/openai/deployments/by-model/chat/completions?api-version={VERSION}"),
    (ENDPOINT + "/openai/deployments/fixed/", f"{ENDPOINT}/openai/deployments/fixed/chat/completions?api-version={VERSION}"),
])
async def test_base_url_instead_of_the_endpoint(kind: str, base_url: str, expected: str) -> None:
    # The official constructor's other spelling: calls go under base_url; a deployment in it wins.
    rec = Recorder(httpx.Response(200, json=chat_body()), httpx.Response(200, json=MODELS_BODY))
    client = make_azure(kind, rec, azure_endpoint=None, base_url=base_url)
    await invoke(client, "chat.completions.create", model="by-model", messages=MSGS)
    await invoke(client, "models.list")
    assert str(rec.requests[0].url) == expected
    assert str(rec.requests[1].url) == f"{base_url.rstrip('/')}/models?api-version={VERSION}"
    assert rec.requests[0].headers["api-key"] == AZURE_KEY and client.azure_endpoint == ENDPOINT
    await close(client)
    with pytest.raises(ValueError, match="mutually exclusive"):
        make_azure(kind, rec, base_url=base_url)  # and azure_endpoint: one or the other, as the official
    with pytest.raises(ValueError, match="azure_deployment"):
        make_azure(kind, rec, azure_endpoint=None, base_url=base_url, azure_deployment="d")


async def test_organization_and_project_given_are_sent(kind: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_PROJECT_ID", "proj-of-an-openai-account")  # never read for Azure
    rec = Recorder(httpx.Response(200, json=chat_body()))
    client = make_azure(kind, rec, organization="org-az", max_retries=0)
    await invoke(client, "chat.completions.create", model="d", messages=MSGS)
    other = client.with_options(project="proj-az")
    await invoke(other, "chat.completions.create", model="d", messages=MSGS)
    first, second = rec.requests
    assert first.headers["openai-organization"] == "org-az" and "openai-project" not in first.headers
    assert (second.headers["openai-organization"], second.headers["openai-project"]) == ("org-az", "proj-az")
    assert (client.organization, other.project) == ("org-az", "proj-az")
    await close(client)


async def test_api_key_function_is_asked_before_each_attempt(kind: str) -> None:
    keys = iter(["az-rot-1", "az-rot-2"])
    sent: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request.headers["api-key"])
        return httpx.Response(500 if len(sent) == 1 else 200, json=chat_body())

    def provider() -> str:
        return next(keys)

    rec = Recorder(answer)
    client = make_azure(kind, rec, api_key=provider, retry=gptkit.RetryPolicy(zero_waits=True))
    assert client.api_key == "" and "az-rot" not in repr(client)
    await invoke(client, "chat.completions.create", model="d", messages=MSGS)
    assert sent == ["az-rot-1", "az-rot-2"] and client.api_key == "az-rot-2"
    assert "authorization" not in rec.requests[0].headers
    assert make_azure(kind, rec, api_key="fixed-key").api_key == "fixed-key"  # as the official reports it
    await close(client)


def test_base_url_shows_where_calls_go_as_the_official_client() -> None:
    import openai as official

    for options in ({"azure_endpoint": ENDPOINT + "/", "azure_deployment": "my dep"},
                    {"base_url": ENDPOINT + "/openai/deployments/x"}, {"azure_endpoint": ENDPOINT}):
        ours = gptkit.AzureClient(api_key="k", api_version=VERSION, **options)
        theirs = official.AzureOpenAI(api_key="k", api_version=VERSION, **options)
        assert str(ours.base_url) == str(theirs.base_url)


async def test_assigning_base_url_moves_the_calls(kind: str) -> None:
    rec = Recorder(httpx.Response(200, json=chat_body()))
    client = make_azure(kind, rec, azure_deployment="d1")
    client.base_url = "https://other.example/openai/deployments/d2"
    await invoke(client, "chat.completions.create", model="m", messages=MSGS)
    assert str(rec.requests[0].url) == f"https://other.example/openai/deployments/d2/chat/completions?api-version={VERSION}"
    assert client.azure_deployment is None and str(client.base_url) == "https://other.example/openai/deployments/d2/"
    await close(client)
