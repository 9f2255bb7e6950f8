"""The API reference (docs/reference.md, rendered by mkdocstrings) documents what users call.

Loads gptkit the way mkdocs does (griffe, static analysis, the ``unpack_typeddict`` extension
that turns ``**options: Unpack[ClientOptions]`` into parameters) and checks that every
parameter of the constructors and functions the reference must cover has a description, and
that the reference shows no private class.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

griffe = pytest.importorskip("griffe")

ROOT = Path(__file__).resolve().parent.parent

#: What the reference must show with every parameter documented.
DOCUMENTED = [
    "gptkit.RetryPolicy", "gptkit.RateLimit", "gptkit.RateLimiter", "gptkit.Budget", "gptkit.RedisBudget",
    "gptkit.testing.FakeOpenAI", "gptkit.testing.Cassette", "gptkit.testing.VirtualClock",
    "gptkit.batch.run", "gptkit.batch.submit", "gptkit.batch.fetch", "gptkit.batch.status",
]
#: The clients: their constructors are shown with every option in the signature.
CLIENTS = ["gptkit.Client", "gptkit.AsyncClient", "gptkit.AzureClient", "gptkit.AsyncAzureClient"]
#: Async twins: "the same parameters" as the documented one, shown next to it.
TWINS = {"gptkit.batch.arun": "gptkit.batch.run"}


@pytest.fixture(scope="module")
def package() -> Any:
    extensions = griffe.load_extensions("unpack_typeddict")
    return griffe.load("gptkit", search_paths=[str(ROOT)], extensions=extensions, docstring_parser="sphinx",
                       resolve_aliases=True, resolve_external=False)


def _documented_parameters(obj: Any) -> dict[str, str]:
    found: dict[str, str] = {}
    for holder in (obj, obj.members.get("__init__") if obj.is_class else None):
        if holder is None or holder.docstring is None:
            continue
        for section in holder.docstring.parsed:
            if section.kind.value == "parameters":
                found.update({p.name: p.description for p in section.value})
    return found


def _parameters(obj: Any) -> list[str]:
    function = obj.members.get("__init__") if obj.is_class else obj
    assert function is not None, f"{obj.path} has no constructor griffe can see"
    return [p.name for p in function.parameters
            if p.name not in ("self", "cls") and not p.name.startswith("_") and p.kind.value not in
            ("variadic positional", "variadic keyword")]


@pytest.mark.parametrize("path", DOCUMENTED)
def test_every_parameter_is_documented(path: str, package: Any) -> None:
    obj = package[path.removeprefix("gptkit.")]
    obj = obj.final_target if obj.is_alias else obj
    names = _parameters(obj)
    assert names, f"{path}: no parameters found"
    described = _documented_parameters(obj)
    missing = [name for name in names if not described.get(name, "").strip()]
    assert not missing, f"{path}: parameters without a description: {missing}"


@pytest.mark.parametrize("path", CLIENTS)
def test_client_constructors_show_their_options(path: str, package: Any) -> None:
    obj = package[path.removeprefix("gptkit.")]
    obj = obj.final_target if obj.is_alias else obj
    names = _parameters(obj)
    for option in ("api_key", "timeout", "max_retries", "http_client", "retry", "rate_limit", "budget"):
        assert option in names, (path, names)


def test_the_reference_shows_these_objects_and_no_private_class() -> None:
    text = (ROOT / "docs" / "reference.md").read_text(encoding="utf-8")
    directives = set(re.findall(r"^::: (\S+)", text, flags=re.M))
    wanted = set(DOCUMENTED) | set(TWINS) | set(CLIENTS)
    assert wanted <= directives, wanted - directives
    assert "Configurable" not in text and "_AzureCore" not in text
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    # Base classes are private (the public API is the class itself), constructors are shown
    # with their parameters, and a client's unpacked options become parameters.
    for option in ("show_bases: false", "merge_init_into_class: true", "- unpack_typeddict",
                   "show_signature_annotations: true"):
        assert option in config, option
