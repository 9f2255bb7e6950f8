"""Client options, the call shape of every resource, and sync/async parity."""

from __future__ import annotations

import array
import base64
from typing import Any

import httpx
import openai
import pytest

import gptkit
from gptkit.pagination import AsyncPage, SyncPage
from gptkit.types import ChatCompletion, Completion, CreateEmbeddingResponse, Model

from .helpers import API_KEY, Recorder, chat_body, close, invoke, make_client

MSGS = [{"role": "user", "content": "hi"}]


def _b64(values: list[float]) -> str:
    return base64.b64encode(array.array("f", values).tobytes()).decode()


# One table, run through both clients: (resource path, kwargs, response body, check).
CASES: list[tuple[str, dict[str, Any], dict[str, Any], Any]] = [
    (
        "chat.completions.create",
        {"model": "gpt-4o", "messages": MSGS, "temperature": 0.2, "max_tokens": 5, "n": 2},
        chat_body("hey", n=2),
        lambda r: isinstance(r, ChatCompletion) and [c.message.content for c in r.choices] == ["hey", "hey"],
    ),
    (
        "completions.create",
        {"model": "gpt-3.5-turbo-instruct", "prompt": "Say hi", "max_tokens": 7, "stop": None},
        {"id": "cmpl-1", "object": "text_completion", "created": 1, "model": "gpt-3.5-turbo-instruct",
         "choices": [{"index": 0, "text": " hi", "finish_reason": "stop", "logprobs": None}],
         "usage": {"prompt_tokens": 2, "completion_tokens": 1, "total_tokens": 3}},
        lambda r: isinstance(r, Completion) and r.choices[0].text == " hi" and r.usage.total_tokens == 3,
    ),
    (
        "embeddings.create",
        {"model": "text-embedding-3-small", "input": ["a", "b"]},
        {"object": "list", "model": "text-embedding-3-small",
         "data": [{"object": "embedding", "index": 0, "embedding": _b64([0.5, -1.0])},
                  {"object": "embedding", "index": 1, "embedding": [0.25, 2.0]}],
         "usage": {"prompt_tokens": 2, "total_tokens": 2}},
        lambda r: isinstance(r, CreateEmbeddingResponse)
        and [d.embedding for d in r.data] == [[0.5, -1.0], [0.25, 2.0]],
    ),
    (
        "models.list",
        {},
        {"object": "list", "data": [{"id": "gpt-4o", "object": "model", "created": 1, "owned_by": "openai"}]},
        lambda r: isinstance(r, (SyncPage, AsyncPage)) and [m.id for m in r.data] == ["gpt-4o"] and len(r) == 1
        and not r.has_next_page(),
    ),
]


@pytest.mark.parametrize(("path", "kwargs", "body", "check"), CASES, ids=[c[0] for c in CASES])
async def test_resource_round_trip(kind: str, path: str, kwargs: dict[str, Any], body: Any, check: Any) -> None:
    rec = Recorder(httpx.Response(200, json=body, headers={"x-request-id": "req_abc"}))
    client = make_client(kind, rec)
    result = await invoke(client, path, **kwargs)
    assert check(result)
    assert result.request_id == "req_abc"
    sent = rec.requests[0]
    assert sent.headers["authorization"] == f"Bearer {API_KEY}"
    assert sent.url.path.startswith("/v1/")
    await close(client)


async def test_sync_and_async_give_equal_results() -> None:
    results = []
    for kind in ("sync", "async"):
        rec = Recorder(httpx.Response(200, json=chat_body("same")))
        client = make_client(kind, rec)
        results.append(await invoke(client, "chat.completions.create", model="gpt-4o", messages=MSGS))
        await close(client)
    assert results[0] == results[1]


async def test_request_shape(kind: str) -> None:
    rec = Recorder(httpx.Response(200, json=chat_body()))
    client = make_client(kind, rec, organization="org-1", project="proj-1",
                         default_headers={"X-App": "demo"}, default_query={"tenant": "a"})
    await invoke(client, "chat.completions.create", model="gpt-4o", messages=MSGS, seed=7,
                 temperature=None, extra_headers={"X-Trace": "t1"}, extra_query={"q": "1"},
                 extra_body={"custom_field": True}, timeout=12.5)
    req = rec.requests[0]
    assert req.method == "POST"
    assert str(req.url) == "https://api.openai.com/v1/chat/completions?tenant=a&q=1"
    assert req.headers["openai-organization"] == "org-1"
    assert req.headers["openai-project"] == "proj-1"
    assert req.headers["x-app"] == "demo"
    assert req.headers["x-trace"] == "t1"
    assert req.headers["content-type"] == "application/json"
    assert req.headers["idempotency-key"].startswith("gptkit-retry-")
    # None means "the API default": it is not sent; extra_body is merged as is.
    assert rec.json() == {"model": "gpt-4o", "messages": MSGS, "seed": 7, "custom_field": True}
    assert req.extensions["timeout"]["read"] == 12.5
    await close(client)


async def test_embeddings_ask_for_base64_unless_told(kind: str) -> None:
    body = {"data": [{"index": 0, "embedding": [1.0]}], "model": "m", "usage": {"prompt_tokens": 1, "total_tokens": 1}}
    rec = Recorder(httpx.Response(200, json=body))
    client = make_client(kind, rec)
    await invoke(client, "embeddings.create", model="m", input="x")
    await invoke(client, "embeddings.create", model="m", input="x", encoding_format="float", dimensions=8)
    assert rec.json(0)["encoding_format"] == "base64"
    assert rec.json(1) == {"model": "m", "input": "x", "encoding_format": "float", "dimensions": 8}
    await close(client)


async def test_embeddings_asked_for_base64_stay_base64(kind: str) -> None:
    # As the official package: the caller who asks for base64 decodes it; one who does not gets floats.
    vector = _b64([0.5, -1.0])
    body = {"object": "list", "data": [{"object": "embedding", "index": 0, "embedding": vector}], "model": "m",
            "usage": {"prompt_tokens": 1, "total_tokens": 1}}
    rec = Recorder(httpx.Response(200, json=body))
    client = make_client(kind, rec)
    asked = await invoke(client, "embeddings.create", model="m", input="x", encoding_format="base64")
    plain = await invoke(client, "embeddings.create", model="m", input="x")
    raw = await invoke(client.embeddings.with_raw_response, "create", model="m", input="x", encoding_format="base64")
    assert rec.json(0)["encoding_format"] == rec.json(1)["encoding_format"] == "base64"
    assert asked.data[0].embedding == vector and plain.data[0].embedding == [0.5, -1.0]
    assert raw.parse().data[0].embedding == vector
    assert asked.usage.total_tokens == 1 and asked.request_id == plain.request_id
    official = openai.OpenAI(api_key="k", http_client=httpx.Client(transport=httpx.MockTransport(
        lambda request: httpx.Response(200, json=body))))
    theirs = official.embeddings.create(model="m", input="x", encoding_format="base64")
    assert repr(theirs.data[0]) == repr(asked.data[0])  # the oracle agrees, printed alike
    await close(client)


async def test_models_retrieve_quotes_the_id(kind: str) -> None:
    rec = Recorder(httpx.Response(200, json={"id": "ft:gpt-4o:org/x", "object": "model"}))
    client = make_client(kind, rec)
    model = await invoke(client, "models.retrieve", "ft:gpt-4o:org/x")
    assert isinstance(model, Model)
    assert model.id == "ft:gpt-4o:org/x"
    assert rec.requests[0].url.raw_path == b"/v1/models/ft%3Agpt-4o%3Aorg%2Fx"
    assert rec.requests[0].method == "GET"
    assert rec.requests[0].content == b""
    await close(client)


async def test_with_raw_response(kind: str) -> None:
    rec = Recorder(httpx.Response(200, json=chat_body("raw"), headers={"x-ratelimit-remaining-tokens": "99"}))
    client = make_client(kind, rec)
    raw = await invoke(client.chat.completions.with_raw_response, "create", model="gpt-4o", messages=MSGS)
    assert isinstance(raw, gptkit.APIResponse)
    assert raw.status_code == 200
    assert raw.headers["x-ratelimit-remaining-tokens"] == "99"
    assert raw.parse().choices[0].message.content == "raw"
    await close(client)


async def test_unknown_fields_and_enum_values_are_kept(kind: str) -> None:
    body = chat_body()
    body["choices"][0]["finish_reason"] = "brand_new_reason"
    body["provider_extra"] = {"x": 1}
    body["choices"][0]["message"]["reasoning_content"] = "thinking"
    rec = Recorder(httpx.Response(200, json=body))
    client = make_client(kind, rec)
    r = await invoke(client, "chat.completions.create", model="gpt-4o", messages=MSGS)
    assert r.choices[0].finish_reason == "brand_new_reason"
    assert r.provider_extra == {"x": 1}
    assert r.choices[0].message.reasoning_content == "thinking"
    assert r["choices"][0]["message"]["content"] == "Hello!"
    await close(client)


def test_env_fallbacks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "env-key")
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:9/v1/")
    monkeypatch.setenv("OPENAI_ORG_ID", "org-env")
    monkeypatch.setenv("OPENAI_PROJECT_ID", "proj-env")
    rec = Recorder(httpx.Response(200, json=chat_body()))
    client = gptkit.Client(transport=rec.transport)
    client.chat.completions.create(model="m", messages=MSGS)
    req = rec.requests[0]
    assert str(req.url) == "http://127.0.0.1:9/v1/chat/completions"
    assert req.headers["authorization"] == "Bearer env-key"
    assert req.headers["openai-organization"] == "org-env"
    assert req.headers["openai-project"] == "proj-env"


@pytest.mark.parametrize("cls", [gptkit.Client, gptkit.AsyncClient])
def test_missing_key_fails_at_construction(cls: Any) -> None:
    with pytest.raises(gptkit.MissingAPIKeyError, match="OPENAI_API_KEY"):
        cls()


async def test_no_api_key_opt_out_sends_no_authorization(kind: str) -> None:
    rec = Recorder(httpx.Response(200, json=chat_body()))
    client = make_client(kind, rec, api_key=gptkit.NO_API_KEY, base_url="http://localhost:8000/v1")
    await invoke(client, "chat.completions.create", model="local", messages=MSGS)
    assert "authorization" not in rec.requests[0].headers
    await close(client)


def test_default_timeout_and_bad_options() -> None:
    client = gptkit.Client(api_key="k")
    assert client.timeout == httpx.Timeout(600, connect=5.0)
    assert repr(client.timeout) == repr(openai.OpenAI(api_key="k").timeout)  # the same text printed
    assert gptkit.Client(api_key="k", timeout=20).timeout == 20  # reported as given, as the official
    with pytest.raises(ValueError, match="http_client= or transport="):
        gptkit.Client(api_key="k", http_client=httpx.Client(), transport=httpx.MockTransport(lambda r: None))  # type: ignore[arg-type, return-value]
    with pytest.raises(ValueError, match="max_retries"):
        gptkit.Client(api_key="k", max_retries=-1)
    with pytest.raises(ValueError, match="base_url"):
        gptkit.Client(api_key="k", base_url="api.openai.com")


def test_sync_and_async_network_objects_cannot_be_swapped() -> None:
    # Accepted before, they failed at the first call ('coroutine' object has no attribute ...).
    with pytest.raises(TypeError, match=r"needs an httpx.Client, not AsyncClient \(an AsyncClient goes with gptkit.AsyncClient\)"):
        gptkit.Client(api_key="k", http_client=httpx.AsyncClient())  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"AsyncClient\(http_client=...\) needs an httpx.AsyncClient, not Client"):
        gptkit.AsyncClient(api_key="k", http_client=httpx.Client())  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"needs an httpx.BaseTransport \(with handle_request\(\)\), not AsyncHTTPTransport"):
        gptkit.Client(api_key="k", transport=httpx.AsyncHTTPTransport())  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"needs an httpx.AsyncBaseTransport \(with handle_async_request\(\)\)"):
        gptkit.AsyncClient(api_key="k", transport=httpx.HTTPTransport())  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"needs an httpx\.Client"):
        gptkit.AzureClient(azure_endpoint="https://r.openai.azure.com", api_version="2024-10-21", api_key="k",
                           http_client=httpx.AsyncClient())  # type: ignore[arg-type]
    from gptkit.testing import FakeOpenAI

    fake = FakeOpenAI()  # both kinds of transport at once: fine for either client
    gptkit.Client(api_key="k", transport=fake).close()
    gptkit.AsyncClient(api_key="k", transport=fake)


def test_retry_and_max_retries_together() -> None:
    with pytest.raises(gptkit.ConfigurationError, match=r"not both: max_retries=5 would be ignored"):
        gptkit.Client(api_key="k", max_retries=5, retry=gptkit.RetryPolicy(max_attempts=2))
    with pytest.raises(TypeError, match=r"retry must be a gptkit\.RetryPolicy, not dict"):
        gptkit.AsyncClient(api_key="k", retry={"max_attempts": 2})  # type: ignore[arg-type]
    assert gptkit.Client(api_key="k", retry=gptkit.RetryPolicy(max_attempts=4)).max_retries == 3
    client = gptkit.Client(api_key="k")
    with pytest.raises(gptkit.ConfigurationError, match="not both"):
        client.with_options(max_retries=1, retry=gptkit.RetryPolicy(max_attempts=3))


def test_with_options_max_retries_keeps_the_rest_of_the_policy() -> None:
    seen: list[gptkit.RetryEvent] = []
    policy = gptkit.RetryPolicy(max_attempts=5, initial_backoff=0.1, zero_waits=True, on_retry=seen.append)
    rec = Recorder(*[httpx.Response(500, json={"error": {"message": "boom"}})] * 3)
    client = gptkit.Client(api_key="k", transport=rec.transport, retry=policy)
    copy = client.with_options(max_retries=1)
    assert copy.retry_policy.max_attempts == 2 and copy.max_retries == 1
    assert copy.retry_policy.zero_waits and copy.retry_policy.initial_backoff == 0.1
    with pytest.raises(gptkit.InternalServerError):
        copy.chat.completions.create(model="m", messages=MSGS)
    assert len(rec.requests) == 2 and len(seen) == 1  # the hook survived; one retry
    assert client.retry_policy is policy


def test_tags_and_listeners_must_be_collections() -> None:
    with pytest.raises(TypeError, match="tags must be a mapping of names to values, not list"):
        gptkit.Client(api_key="k", tags=["team-a"])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"listeners must be a list of listeners \(listeners=\[fn\]\), not function"):
        gptkit.Client(api_key="k", listeners=lambda event: None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="tags must be a mapping"):
        gptkit.Client(api_key="k").with_options(tags="team-a")  # type: ignore[arg-type]


def test_signatures_are_twins() -> None:
    import inspect

    sync = list(inspect.signature(gptkit.Client.__init__).parameters)
    asyn = list(inspect.signature(gptkit.AsyncClient.__init__).parameters)
    assert sync == asyn


def test_with_options_shares_the_pool_and_close_semantics() -> None:
    rec = Recorder(httpx.Response(200, json=chat_body()))
    client = gptkit.Client(api_key="k", transport=rec.transport)
    copy = client.with_options(timeout=3.0, max_retries=0, tags={"job": "x"})
    assert copy._http is client._http
    assert copy.timeout == 3.0
    assert copy.max_retries == 0
    assert client.max_retries == 2
    copy.chat.completions.create(model="m", messages=MSGS)
    assert rec.requests[0].extensions["timeout"]["read"] == 3.0
    copy.close()
    assert not client.is_closed  # a copy never closes the shared pool
    with client:
        pass
    assert client.is_closed
    with pytest.raises(TypeError, match="unexpected options"):
        client.with_options(bogus=1)


def test_passed_http_client_is_not_closed() -> None:
    http = httpx.Client(transport=Recorder(httpx.Response(200, json=chat_body())).transport)
    with gptkit.Client(api_key="k", http_client=http) as client:
        client.chat.completions.create(model="m", messages=MSGS)
    assert not http.is_closed
    http.close()


def test_response_messages_can_be_sent_back() -> None:
    rec = Recorder(httpx.Response(200, json=chat_body("first")))
    client = gptkit.Client(api_key="k", transport=rec.transport)
    first = client.chat.completions.create(model="m", messages=MSGS)
    client.chat.completions.create(model="m", messages=[*MSGS, first.choices[0].message])
    assert rec.json(1)["messages"][1] == {"role": "assistant", "content": "first"}
