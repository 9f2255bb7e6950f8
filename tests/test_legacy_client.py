"""The default client behind the module-level API: laziness, threads, rebuilds, async, warnings."""

from __future__ import annotations

import asyncio
import gc
import subprocess
import sys
import threading
import time
import warnings
from typing import Any

import httpx
import pytest

import gptkit
from gptkit._legacy import _default

from .helpers import Recorder, chat_body
from .legacy_helpers import clean_legacy, completion_body

_ = clean_legacy
pytestmark = pytest.mark.usefixtures("clean_legacy")

MESSAGES = [{"role": "user", "content": "hi"}]


def _count_builds(monkeypatch: pytest.MonkeyPatch, *, delay: float = 0.0) -> list[Any]:
    built: list[Any] = []
    real = _default.build_client

    def counting(settings: Any, *, is_async: bool) -> Any:
        if delay:
            time.sleep(delay)  # widen the race window: every thread reaches the lock meanwhile
        client = real(settings, is_async=is_async)
        built.append(client)
        return client

    monkeypatch.setattr(_default, "build_client", counting)
    return built


def test_import_builds_nothing() -> None:
    code = (
        "import gptkit, gptkit._legacy._default as d, gptkit.types; "
        "print(d._current is None, d._warned, gptkit.api_key, gptkit.error.Timeout.__name__)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True", "False", "None", "APITimeoutError"]


def test_many_threads_on_first_use_build_one_client(monkeypatch: pytest.MonkeyPatch) -> None:
    built = _count_builds(monkeypatch, delay=0.02)
    recorder = Recorder(httpx.Response(200, json=chat_body("ok")))
    gptkit.api_key = "sk-threads"
    gptkit.transport = recorder.transport
    barrier = threading.Barrier(16)
    results: list[str] = []
    errors: list[BaseException] = []

    def worker() -> None:
        barrier.wait()
        try:
            results.append(gptkit.ChatCompletion.create(model="gpt-4o", messages=MESSAGES)["choices"][0]["message"]["content"])
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert results == ["ok"] * 16
    assert len(built) == 1
    assert len(recorder.requests) == 16


def test_settings_change_rebuilds_and_old_pool_closes(monkeypatch: pytest.MonkeyPatch) -> None:
    built = _count_builds(monkeypatch)
    recorder = Recorder(httpx.Response(200, json=chat_body()))
    gptkit.transport = recorder.transport
    gptkit.api_key = "sk-first"
    gptkit.ChatCompletion.create(model="gpt-4o", messages=MESSAGES)
    gptkit.chat.completions.create(model="gpt-4o", messages=MESSAGES)
    assert len(built) == 1
    first_pool = built[0]._http
    gptkit.api_key = "sk-second"
    gptkit.ChatCompletion.create(model="gpt-4o", messages=MESSAGES)
    assert len(built) == 2
    assert [r.headers["authorization"] for r in recorder.requests] == [
        "Bearer sk-first", "Bearer sk-first", "Bearer sk-second"]
    built.clear()  # drop the test's own reference: the replaced client is now garbage
    gc.collect()
    assert first_pool.is_closed
    gptkit.timeout = 12.5
    gptkit.ChatCompletion.create(model="gpt-4o", messages=MESSAGES)
    assert recorder.requests[-1].extensions["timeout"]["read"] == 12.5


def test_per_call_overrides_leave_the_default_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    built = _count_builds(monkeypatch)
    recorder = Recorder(httpx.Response(200, json=chat_body()))
    gptkit.transport = recorder.transport
    gptkit.api_key = "sk-default"
    gptkit.ChatCompletion.create(
        deployment_id="gpt-4o", messages=MESSAGES, api_key="sk-call", api_base="https://other.example/v2",
        organization="org-call", request_timeout=(2, 40), headers={"X-Trace": "t1"},
    )
    gptkit.ChatCompletion.create(model="gpt-4o", messages=MESSAGES)
    first, second = recorder.requests
    assert str(first.url) == "https://other.example/v2/chat/completions"
    assert first.headers["authorization"] == "Bearer sk-call"
    assert first.headers["openai-organization"] == "org-call"
    assert first.headers["x-trace"] == "t1"
    assert (first.extensions["timeout"]["connect"], first.extensions["timeout"]["read"]) == (2, 40)
    assert recorder.json(0)["model"] == "gpt-4o"
    assert str(second.url) == "https://api.openai.com/v1/chat/completions"
    assert second.headers["authorization"] == "Bearer sk-default"
    assert "openai-organization" not in second.headers
    assert len(built) == 1  # the override shared the default client's pool


def test_missing_key_names_the_module_setting() -> None:
    with pytest.raises(gptkit.MissingAPIKeyError, match=r"gptkit\.api_key"):
        gptkit.Completion.create(model="gpt-3.5-turbo-instruct", prompt="x")


def test_missing_model_and_bad_settings_fail_before_io() -> None:
    recorder = Recorder(httpx.Response(200, json=completion_body()))
    gptkit.transport = recorder.transport
    gptkit.api_key = "sk-x"
    with pytest.raises(gptkit.error.InvalidRequestError, match="'engine=' and 'deployment_id='"):
        gptkit.Completion.create(prompt="x")
    with pytest.raises(gptkit.error.InvalidRequestError, match="stream"):
        gptkit.Embedding.create(model="text-embedding-3-small", input="x", stream=True)
    gptkit.api_type = "bogus"
    with pytest.raises(ValueError, match="api_type"):
        gptkit.Completion.create(model="m", prompt="x")
    gptkit.api_type = None
    gptkit.api_base, gptkit.base_url = "https://a.example/v1", "https://b.example/v1"
    with pytest.raises(ValueError, match="api_base"):
        gptkit.Completion.create(model="m", prompt="x")
    assert recorder.requests == []


def test_deprecation_warning_once_per_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_default, "_warned", False)
    recorder = Recorder(httpx.Response(200, json=completion_body()))
    gptkit.transport = recorder.transport
    gptkit.api_key = "sk-w"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        gptkit.Completion.create(model="gpt-3.5-turbo-instruct", prompt="x")
        gptkit.Completion.create(model="gpt-3.5-turbo-instruct", prompt="y")
        gptkit.completions.create(model="gpt-3.5-turbo-instruct", prompt="z")
    deprecations = [w for w in caught if issubclass(w.category, DeprecationWarning)]
    assert len(deprecations) == 1
    assert "gptkit.Client(" in str(deprecations[0].message)
    assert deprecations[0].filename == __file__  # points at the caller's line, not into gptkit


def test_the_1x_module_style_does_not_warn(monkeypatch: pytest.MonkeyPatch) -> None:
    # The official package supports `openai.chat.completions.create(...)` without a warning.
    monkeypatch.setattr(_default, "_warned", False)
    recorder = Recorder(httpx.Response(200, json=chat_body()))
    gptkit.transport = recorder.transport
    gptkit.api_key = "sk-w"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        gptkit.chat.completions.create(model="gpt-4o", messages=MESSAGES)
        gptkit.models.list()
    assert [w for w in caught if issubclass(w.category, DeprecationWarning)] == []
    assert len(recorder.requests) == 2


def test_azure_settings_need_azure_client(monkeypatch: pytest.MonkeyPatch) -> None:
    # A gptkit without Azure support (the name is lazy: deleting it would only reload it).
    monkeypatch.setattr(gptkit, "AzureClient", None)
    gptkit.api_key = "azure-key"
    gptkit.api_type = "azure"
    gptkit.api_base = "https://example-resource.openai.azure.com"
    gptkit.api_version = "2024-06-01"
    with pytest.raises(gptkit.GptkitError, match="AzureClient"):
        gptkit.ChatCompletion.create(engine="my-deployment", messages=MESSAGES)


def test_azure_settings_map_onto_azure_client(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, Any] = {}
    recorder = Recorder(httpx.Response(200, json=chat_body()))

    class FakeAzureClient(gptkit.Client):
        def __init__(self, *, azure_endpoint: str, api_version: str, **options: Any) -> None:
            seen.update(options, azure_endpoint=azure_endpoint, api_version=api_version)
            super().__init__(base_url=f"{azure_endpoint}/openai/deployments/x", **options)

    monkeypatch.setattr(gptkit, "AzureClient", FakeAzureClient, raising=False)
    gptkit.transport = recorder.transport
    gptkit.api_key = "azure-key"
    gptkit.api_type = "azure"
    gptkit.api_base = "https://example-resource.openai.azure.com"
    gptkit.api_version = "2024-06-01"
    gptkit.ChatCompletion.create(engine="my-deployment", model="gpt-35-turbo", messages=MESSAGES)
    assert seen["azure_endpoint"] == "https://example-resource.openai.azure.com"
    assert seen["api_version"] == "2024-06-01"
    assert seen["api_key"] == "azure-key"
    # With Azure the deployment (engine=) names the model, even when model= is given too.
    assert recorder.json()["model"] == "my-deployment"


def test_http_client_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    recorder = Recorder(httpx.Response(200, json=chat_body("via http_client")))
    http = httpx.Client(transport=recorder.transport)
    gptkit.api_key = "sk-h"
    gptkit.http_client = http
    answer = gptkit.ChatCompletion.create(model="gpt-4o", messages=MESSAGES)
    assert answer.choices[0].message.content == "via http_client"
    with pytest.raises(TypeError, match="AsyncClient"):
        asyncio.run(gptkit.ChatCompletion.acreate(model="gpt-4o", messages=MESSAGES))
    gptkit.api_key = "sk-h2"  # rebuild: the user's http client must stay open
    gptkit.ChatCompletion.create(model="gpt-4o", messages=MESSAGES)
    gc.collect()
    assert not http.is_closed
    http.close()


# -- async ------------------------------------------------------------------------------------


def _track_async_clients(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    return _count_builds(monkeypatch)


async def test_acreate_uses_a_closed_per_call_client(monkeypatch: pytest.MonkeyPatch) -> None:
    built = _track_async_clients(monkeypatch)
    recorder = Recorder(httpx.Response(200, json=chat_body("async hi")),
                        httpx.Response(200, json=completion_body("async text")),
                        httpx.Response(200, json={"object": "list", "data": [{"id": "gpt-4o"}]}))
    gptkit.transport = recorder.transport
    gptkit.api_key = "sk-async"
    chat = await gptkit.ChatCompletion.acreate(model="gpt-4o", messages=MESSAGES)
    text = await gptkit.Completion.acreate(engine="gpt-3.5-turbo-instruct", prompt="x", api_key="sk-call")
    models = [m.id for m in await gptkit.Model.alist()]
    assert chat["choices"][0]["message"]["content"] == "async hi"
    assert text.choices[0].text == "async text"
    assert models == ["gpt-4o"]
    assert [r.headers["authorization"] for r in recorder.requests] == [
        "Bearer sk-async", "Bearer sk-call", "Bearer sk-async"]
    assert len(built) == 3 and all(client.is_closed for client in built)


def test_acreate_across_event_loops(monkeypatch: pytest.MonkeyPatch) -> None:
    built = _track_async_clients(monkeypatch)
    recorder = Recorder(httpx.Response(200, json=chat_body("loop")))
    gptkit.transport = recorder.transport
    gptkit.api_key = "sk-loops"

    async def ask() -> str:
        answer = await gptkit.ChatCompletion.acreate(model="gpt-4o", messages=MESSAGES)
        return str(answer.choices[0].message.content)

    # Each asyncio.run is a new loop; a client shared between them would break or leak.
    assert [asyncio.run(ask()) for _ in range(3)] == ["loop"] * 3
    assert len(built) == 3 and all(client.is_closed for client in built)


async def test_acreate_failure_still_closes_client(monkeypatch: pytest.MonkeyPatch) -> None:
    built = _track_async_clients(monkeypatch)
    recorder = Recorder(httpx.Response(429, json={"error": {"message": "slow down"}}))
    gptkit.transport = recorder.transport
    gptkit.api_key = "sk-429"
    gptkit.max_retries = 0
    with pytest.raises(gptkit.error.RateLimitError):
        await gptkit.ChatCompletion.acreate(model="gpt-4o", messages=MESSAGES)
    assert len(built) == 1 and built[0].is_closed


async def test_async_http_client_setting_is_left_open() -> None:
    recorder = Recorder(httpx.Response(200, json=chat_body("pooled")))
    http = httpx.AsyncClient(transport=recorder.transport)
    gptkit.api_key = "sk-ah"
    gptkit.http_client = http
    answer = await gptkit.ChatCompletion.acreate(model="gpt-4o", messages=MESSAGES)
    assert answer.choices[0].message.content == "pooled"
    assert not http.is_closed
    await http.aclose()


# -- streams: the hold-and-release wrappers, with a stand-in for the stream object ------------


class _FakeStream:
    def __init__(self, chunks: list[str]) -> None:
        self.chunks = chunks
        self.closed = False

    def __iter__(self) -> Any:
        return iter(self.chunks)

    def __aiter__(self) -> Any:
        async def gen() -> Any:
            for chunk in self.chunks:
                yield chunk
        return gen()

    def close(self) -> None:
        self.closed = True


def test_stream_wrapper_releases_owned_client_when_done() -> None:
    released: list[bool] = []

    class FakeClient:
        def close(self) -> None:
            released.append(True)

    stream = _FakeStream(["a", "b"])
    held = _default.hold_stream(stream, _default.Lease(FakeClient(), owned=True))
    assert released == []
    assert list(held) == ["a", "b"]
    assert released == [True] and stream.closed


async def test_async_stream_wrapper_closes_client_when_abandoned() -> None:
    closed: list[bool] = []

    class FakeAsyncClient:
        async def aclose(self) -> None:
            closed.append(True)

    stream = _FakeStream(["a", "b", "c"])
    held = _default.hold_async_stream(stream, _default.AsyncLease(FakeAsyncClient(), None))
    assert await held.__anext__() == "a"
    await held.aclose()  # what the loop's async-generator finaliser does to an abandoned stream
    assert closed == [True] and stream.closed


def test_stream_flag_reaches_todays_call(monkeypatch: pytest.MonkeyPatch) -> None:
    """``stream=True`` is passed to ``client.chat.completions.create`` and its chunks are yielded."""
    from gptkit.resources.chat import ChatCompletions

    seen: dict[str, Any] = {}

    def fake_create(self: Any, **params: Any) -> _FakeStream:
        seen.update(params)
        return _FakeStream(["x", "y"])

    monkeypatch.setattr(ChatCompletions, "create", fake_create)
    gptkit.api_key = "sk-s"
    gptkit.transport = Recorder().transport
    chunks = list(gptkit.ChatCompletion.create(engine="gpt-4o", messages=MESSAGES, stream=True))
    assert chunks == ["x", "y"]
    assert seen == {"model": "gpt-4o", "messages": MESSAGES, "stream": True}


async def test_per_call_pool_without_transport_is_closed() -> None:
    gptkit.api_key = "sk-pool"
    lease = _default.async_lease({})
    assert lease.http is not None and lease.client._http is lease.http  # a pool made for this call
    await lease.release()
    assert lease.http.is_closed


def test_key_given_only_per_call(monkeypatch: pytest.MonkeyPatch) -> None:
    built = _count_builds(monkeypatch)
    recorder = Recorder(httpx.Response(200, json=completion_body("ok")))
    gptkit.transport = recorder.transport
    answer = gptkit.Completion.create(model="gpt-3.5-turbo-instruct", prompt="x", api_key="sk-only-here")
    assert answer.choices[0].text == "ok"
    assert recorder.requests[0].headers["authorization"] == "Bearer sk-only-here"
    assert len(built) == 1 and built[0].is_closed  # a one-off client, closed after the call
    assert _default._current is None


def test_azure_module_settings_drive_the_real_azure_client() -> None:
    rec = Recorder(httpx.Response(200, json=chat_body("from azure")))
    gptkit.api_type = "azure"
    gptkit.api_base = "https://res.openai.azure.com"
    gptkit.api_version = "2024-06-01"
    gptkit.api_key = "azure-module-key"
    gptkit.transport = rec.transport
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        response = gptkit.ChatCompletion.create(deployment_id="gpt4-prod", messages=[{"role": "user", "content": "hi"}])
    assert response["choices"][0]["message"]["content"] == "from azure"
    sent = rec.requests[0]
    assert str(sent.url) == "https://res.openai.azure.com/openai/deployments/gpt4-prod/chat/completions?api-version=2024-06-01"
    assert sent.headers["api-key"] == "azure-module-key"
    assert "authorization" not in sent.headers
