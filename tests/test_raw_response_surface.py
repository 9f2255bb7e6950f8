"""``with_raw_response`` / ``with_streaming_response`` on every method the official client has.

The official client is walked (every resource, every method its ``with_raw_response`` and
``with_streaming_response`` views offer). For each resource gptkit serves, gptkit must offer the
same method under both views, on the resource and through ``client.with_raw_response.<path>`` /
``client.with_streaming_response.<path>``. Methods of served resources that gptkit does not serve
at all are listed in ``NOT_SERVED`` (a listed method that appears fails the test, so the list only
shrinks); whole resources gptkit does not serve are the migration guide's business.
"""

from __future__ import annotations

import ast
import inspect
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openai
import pytest
from openai._resource import AsyncAPIResource, SyncAPIResource

import gptkit

#: Methods of resources gptkit serves that it does not serve itself (so neither view has them).
NOT_SERVED = frozenset({
    "responses.compact",
    "beta.responses.compact",
})
ROOT = Path(__file__).resolve().parent.parent


def _official_resources(obj: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Any]]:
    for name in sorted(dir(type(obj))):
        if name.startswith("_") or name in ("with_raw_response", "with_streaming_response"):
            continue
        static = inspect.getattr_static(obj, name, None)
        if not isinstance(static, (property, SyncAPIResource, AsyncAPIResource)) and \
                type(static).__name__ != "cached_property":
            continue  # a method or a plain attribute (a cached_property once read is the resource)
        value = getattr(obj, name)
        if isinstance(value, (SyncAPIResource, AsyncAPIResource)):
            yield (*path, name), value
            yield from _official_resources(value, (*path, name))


def _methods(view: Any) -> set[str]:
    return {name for name in dir(view) if not name.startswith("_") and callable(getattr(view, name))}


def _resolve(root: Any, path: tuple[str, ...]) -> Any:
    for name in path:
        root = getattr(root, name, None)
        if root is None:
            return None
    return root


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_every_official_raw_method_exists_in_both_views(kind: str) -> None:
    if kind == "sync":
        theirs: Any = openai.OpenAI(api_key="sk-x", base_url="http://127.0.0.1:9/v1")
        ours: Any = gptkit.Client(api_key="sk-x", base_url="http://127.0.0.1:9/v1")
    else:
        theirs = openai.AsyncOpenAI(api_key="sk-x", base_url="http://127.0.0.1:9/v1")
        ours = gptkit.AsyncClient(api_key="sk-x", base_url="http://127.0.0.1:9/v1")
    checked, missing, not_served = 0, [], set()
    for path, official in _official_resources(theirs):
        resource = _resolve(ours, path)
        if resource is None or not hasattr(official, "with_raw_response"):
            continue  # a resource gptkit does not serve (or the official offers no raw view of)
        wanted = _methods(official.with_raw_response) | _methods(official.with_streaming_response)
        for method in sorted(wanted):
            dotted = ".".join((*path, method))
            if not callable(getattr(resource, method, None)):
                not_served.add(dotted)
                continue
            views = {
                "with_raw_response": resource.with_raw_response,
                "with_streaming_response": resource.with_streaming_response,
                "client.with_raw_response": _resolve(ours.with_raw_response, path),
                "client.with_streaming_response": _resolve(ours.with_streaming_response, path),
            }
            missing += [f"{view}: {dotted}" for view, obj in views.items() if not callable(getattr(obj, method, None))]
            checked += 1
    assert missing == []
    assert not_served == NOT_SERVED
    assert checked > 60  # the walk found the surface


def test_every_resource_call_honours_the_raw_switch() -> None:
    # Each request a resource prepares passes ``raw=`` (so ``with_raw_response`` is never ignored),
    # except the stream helpers' (``chat.completions.stream`` and ``responses.stream`` have no raw
    # view, as officially).
    exempt = {("chat.py", "stream"), ("_responses_plan.py", "plan_stream")}
    offenders = []
    for file in sorted((ROOT / "gptkit" / "resources").rglob("*.py")):
        tree = ast.parse(file.read_text())
        for func in ast.walk(tree):
            if not isinstance(func, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            for node in ast.walk(func):
                if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                        and node.func.attr == "_prepare"
                        and not any(k.arg == "raw" for k in node.keywords)
                        and (file.name, func.name) not in exempt):
                    offenders.append(f"{file.relative_to(ROOT)}:{node.lineno} in {func.name}")
    assert offenders == []
