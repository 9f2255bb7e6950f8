"""Async resource methods derived from the sync ones (``gptkit.resources._twin``): the same
parameters, true coroutine functions, and a method of several steps that behaves as its sync twin
(a step's error raised inside the method's own code)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Iterator
from typing import Any

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
