"""Async resource methods derived from the sync ones (``gptkit.resources._twin``): the same
parameters, true coroutine functions, and a method of several steps that behaves as its sync twin
(a step's error raised inside the method's own code)."""

from __future__ import annotations

import base64
import importlib
import inspect
import json
import pkgutil
import struct
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

import gptkit
import gptkit.resources
from gptkit.resources._resource import AsyncResource, Steps, SyncResource
from gptkit.resources._twin import AsyncListTwin, AsyncTwin


def _twin_classes() -> Iterator[tuple[type[SyncResource], type[AsyncResource]]]:
    for info in pkgutil.walk_packages(gptkit.resources.__path__, "gptkit.resources."):
        module = importlib.import_module(info.name)
        for name, cls in vars(module).items():
            if (isinstance(cls, type) and issubclass(cls, AsyncResource) and cls.__module__ == module.__name__
                    and name.startswith("Async")):
                sync = getattr(module, name.removeprefix("Async"), None)
                if isinstance(sync, type) and issubclass(sync, SyncResource):
                    yield sync, cls


def _derived(cls: type[AsyncResource]) -> list[str]:
    return [name for name, value in vars(cls).items() if isinstance(value, (AsyncTwin, AsyncListTwin))]


TWINS = list(_twin_classes())


def test_some_resources_are_derived() -> None:
    assert sum(len(_derived(aio)) for _, aio in TWINS) >= 10


@pytest.mark.parametrize(("sync", "aio"), TWINS, ids=[aio.__qualname__ for _, aio in TWINS])
def test_a_derived_method_takes_what_its_sync_twin_takes(sync: type[Any], aio: type[Any]) -> None:
    mine, theirs = aio(gptkit.AsyncClient(api_key="sk-x")), sync(gptkit.Client(api_key="sk-x"))
    for name in _derived(aio):
        method = getattr(mine, name)
        assert inspect.signature(method) == inspect.signature(getattr(theirs, name)), name
        assert method.__doc__ == getattr(theirs, name).__doc__
        if isinstance(vars(aio)[name], AsyncTwin):
            assert inspect.iscoroutinefunction(method), name
        else:  # a list: the paginator at once, awaited for the first page
            assert not inspect.iscoroutinefunction(method), name


def _steps(resource: Any, log: list[str]) -> Steps[str]:
    try:
        yield resource._sleep(0)
        yield resource.failing()
    except RuntimeError as exc:
        log.append(f"caught {exc}")
    value = yield resource.value()
    return f"done {value}"


class _Sync(SyncResource):
    def failing(self) -> None:
        raise RuntimeError("boom")

    def value(self) -> int:
        return 7


class _Async(AsyncResource):
    async def failing(self) -> None:
        raise RuntimeError("boom")

    async def value(self) -> int:
        return 7


async def test_steps_run_alike_on_both_clients() -> None:
    sync_log: list[str] = []
    async_log: list[str] = []
    sync = _Sync(gptkit.Client(api_key="sk-x"))
    aio = _Async(gptkit.AsyncClient(api_key="sk-x"))
    assert sync._steps(_steps(sync, sync_log)) == "done 7"
    assert await aio._steps(_steps(aio, async_log)) == "done 7"
    assert sync_log == async_log == ["caught boom"]


async def test_an_uncaught_step_error_propagates() -> None:
    def steps(resource: Any) -> Steps[None]:
        yield resource.failing()

    with pytest.raises(RuntimeError, match="boom"):
        _Sync(gptkit.Client(api_key="sk-x"))._steps(steps(_Sync(gptkit.Client(api_key="sk-x"))))
    aio = _Async(gptkit.AsyncClient(api_key="sk-x"))
    with pytest.raises(RuntimeError, match="boom"):
        await aio._steps(steps(aio))


# The resources released in 0.1.0 whose async methods became twins (the API check compares a twin
# like the written-out method it replaced: .ci/tools/api_tree.py).
RELEASED = {
    "files": {"retrieve", "content", "delete", "list"},
    "models": {"retrieve", "delete", "list"},
    "batches": {"create", "retrieve", "cancel", "list"},
    "moderations": {"create"},
    "embeddings": {"create"},
    "responses": {"delete", "cancel"},
    "responses.input_items": {"list"},
    "responses.input_tokens": {"count"},
}


def test_the_released_resources_async_methods_are_twins() -> None:
    client = gptkit.AsyncClient(api_key="sk-x")
    for path, names in RELEASED.items():
        resource: Any = client
        for part in path.split("."):
            resource = getattr(resource, part)
        assert set(_derived(type(resource))) >= names, path


async def test_a_released_twin_calls_as_the_written_out_method_did() -> None:
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.method == "DELETE":
            return httpx.Response(200, json={"id": "ft:x/y", "object": "model", "deleted": True})
        vector = base64.b64encode(struct.pack("<2f", 0.5, -1.0)).decode()
        return httpx.Response(200, json={"object": "list", "model": "m", "usage": {"prompt_tokens": 1,
                              "total_tokens": 1}, "data": [{"object": "embedding", "index": 0, "embedding": vector}]})

    client = gptkit.AsyncClient(api_key="sk-x", transport=httpx.MockTransport(answer), max_retries=0)
    deleted = await client.models.delete("ft:x/y", timeout=5)
    embedded = await client.embeddings.create(model="m", input="x")
    raw = await client.models.with_raw_response.delete("ft:x/y")
    with pytest.raises(gptkit.InvalidParameterError, match="model"):
        await client.models.delete("")  # checked in the sync method's body, raised when awaited
    await client.aclose()
    assert deleted.deleted is True and raw.parse().id == "ft:x/y"
    assert [(r.method, r.url.raw_path.decode()) for r in seen] == [
        ("DELETE", "/v1/models/ft%3Ax%2Fy"), ("POST", "/v1/embeddings"), ("DELETE", "/v1/models/ft%3Ax%2Fy")]
    assert json.loads(seen[1].content)["encoding_format"] == "base64"  # floats to the caller
    assert embedded.data[0].embedding == [0.5, -1.0]


def test_a_sub_resource_is_declared_once_for_both_clients() -> None:
    sync, aio = gptkit.Client(api_key="sk-x"), gptkit.AsyncClient(api_key="sk-x")
    for path, name in [("audio.speech", "Speech"), ("chat.completions", "ChatCompletions"),
                       ("fine_tuning.jobs.checkpoints", "Checkpoints"), ("responses.input_items", "InputItems"),
                       ("vector_stores.file_batches", "FileBatches"), ("beta.chat", "Chat")]:
        mine: Any = sync
        theirs: Any = aio
        for part in path.split("."):
            mine, theirs = getattr(mine, part), getattr(theirs, part)
        assert (type(mine).__name__, type(theirs).__name__) == (name, "Async" + name), path
    completions = sync.chat.completions
    assert sync.chat.completions is completions  # built once, then read from the resource
    raw = sync.chat.with_raw_response.completions
    assert raw._raw and raw is not completions and not completions._raw
