"""The API reference (docs/reference.md, rendered by mkdocstrings) documents what users call.

Loads gptkit the way mkdocs does (griffe, static analysis, the extensions mkdocs.yml lists:
``unpack_typeddict`` turns ``**options: Unpack[ClientOptions]`` into parameters, and
.ci/tools/griffe_public.py leaves private parameters out of signatures), then walks what each
``:::`` directive of the reference renders: every parameter of the constructors and methods it
must cover is explained, and no private name (``_module``, ``_Class``, ``Configurable``...)
shows in a signature, an annotation or a docstring.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import gptkit.batch
import gptkit.testing

griffe = pytest.importorskip("griffe")

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = (ROOT / "docs" / "reference.md").read_text(encoding="utf-8")

#: What the reference must show with every constructor parameter described (``:param:``).
DOCUMENTED = [
    "gptkit.RetryPolicy", "gptkit.RateLimit", "gptkit.RateLimiter", "gptkit.Budget", "gptkit.RedisBudget",
    "gptkit.testing.FakeOpenAI", "gptkit.testing.Cassette", "gptkit.testing.VirtualClock",
    "gptkit.batch.run", "gptkit.batch.submit", "gptkit.batch.fetch", "gptkit.batch.status",
]
#: The clients: every option in the signature, each described once.
CLIENTS = ["gptkit.Client", "gptkit.AsyncClient", "gptkit.AzureClient", "gptkit.AsyncAzureClient"]
#: Async twins: "the same parameters" as the documented one, shown next to it.
TWINS = {"gptkit.batch.arun": "gptkit.batch.run", "gptkit.batch.asubmit": "gptkit.batch.submit",
         "gptkit.batch.afetch": "gptkit.batch.fetch", "gptkit.batch.astatus": "gptkit.batch.status"}
#: Whose methods' parameters must each be explained: a ``:param:``, or the name in code markup
#: in the method's docstring (````tokens````, ````GET path````).
METHODS_EXPLAINED = [*CLIENTS, *DOCUMENTED[:8], "gptkit.testing.FakeServer"]
#: Private names a page must never show, besides anything starting with ``_``.
PRIVATE = ("Configurable", "BaseClient", "GenericRequests", "SyncResources", "AsyncResources", "FakeCore")
_PRIVATE_NAME = re.compile(r"(?<![\w.])_[A-Za-z]\w*|\bgptkit\._(?!_)|\._[a-z]\w*\b")


def _extensions() -> list[str]:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    block = config.split("extensions:", 1)[1]
    names: list[str] = []
    for line in block.splitlines()[1:]:
        stripped = line.strip()
        if stripped.startswith("#"):
            continue
        if not stripped.startswith("- "):
            break
        names.append(stripped[2:].strip())
    return names


@pytest.fixture(scope="module")
def package() -> Any:
    names = [str(ROOT / name) if name.startswith(".ci/tools/") else name for name in _extensions()]
    extensions = griffe.load_extensions(*names)
    return griffe.load("gptkit", search_paths=[str(ROOT)], extensions=extensions, docstring_parser="sphinx",
                       resolve_aliases=True, resolve_external=False)


def _get(package: Any, path: str) -> Any:
    obj = package[path.removeprefix("gptkit.")]
    return obj.final_target if obj.is_alias else obj


def _sections(obj: Any) -> Iterator[Any]:
    for holder in (obj, obj.all_members.get("__init__") if obj.is_class else None):
        if holder is not None and holder.docstring is not None:
            yield from holder.docstring.parsed


def _described(obj: Any) -> list[tuple[str, str]]:
    return [(p.name, p.description) for s in _sections(obj) if s.kind.value == "parameters" for p in s.value]


def _parameters(obj: Any) -> list[str]:
    function = obj.all_members.get("__init__") if obj.is_class else obj  # inherited too
    assert function is not None, f"{obj.path} has no constructor griffe can see"
    return [p.name for p in function.parameters
            if p.name not in ("self", "cls") and p.kind.value not in ("variadic positional", "variadic keyword")]


@pytest.mark.parametrize("path", DOCUMENTED)
def test_every_parameter_is_documented(path: str, package: Any) -> None:
    obj = _get(package, path)
    names = _parameters(obj)
    assert names, f"{path}: no parameters found"
    described = dict(_described(obj))
    missing = [name for name in names if not described.get(name, "").strip()]
    assert not missing, f"{path}: parameters without a description: {missing}"


@pytest.mark.parametrize("path", CLIENTS)
def test_client_options_are_shown_each_with_its_doc(path: str, package: Any) -> None:
    obj = _get(package, path)
    names = _parameters(obj)
    for option in ("api_key", "timeout", "max_retries", "http_client", "transport", "retry", "rate_limit",
                   "budget", "prices", "ledger", "listeners"):
        assert option in names, (path, names)
    described = _described(obj)
    counted = {name: [n for n, _ in described].count(name) for name in names}
    assert all(count == 1 for count in counted.values()), f"{path}: described not exactly once: {counted}"
    empty = [name for name, text in described if not text.strip()]
    assert not empty, f"{path}: options without a description: {empty}"
    assert not {n for n, _ in described} - set(names), f"{path}: described options it does not take"


def _explained(function: Any) -> list[str]:
    text = function.docstring.value if function.docstring else ""
    described = {p.name for s in _sections(function) if s.kind.value == "parameters" for p in s.value}
    return [p.name for p in function.parameters
            if p.name not in ("self", "cls") and p.name not in described
            and not re.search(rf"``[^`]*(?<![\w.]){re.escape(p.name)}\b[^`]*``", text)]


def _directives() -> list[tuple[str, dict[str, str]]]:
    """Each ``::: path`` of the reference with its options (``inherited_members``, ``filters``)."""
    found: list[tuple[str, dict[str, str]]] = []
    for match in re.finditer(r"^::: (\S+)\n((?:    .*\n)*)", REFERENCE, flags=re.M):
        options = dict(re.findall(r"^      (\w+): (.+)$", match[2], flags=re.M))
        found.append((match[1], options))
    return found


def _shown_members(obj: Any, options: dict[str, str]) -> Iterator[Any]:
    """The members mkdocstrings renders for a directive: filtered, documented, maybe inherited."""
    filters = [r"!^_"]
    if "filters" in options:
        filters = re.findall(r'"([^"]+)"', options["filters"])
    members = obj.all_members if options.get("inherited_members") == "true" else obj.members
    for name, member in members.items():
        if any(re.search(f[1:], name) if f.startswith("!") else not re.search(f, name) for f in filters):
            continue
        try:
            target = member.final_target if member.is_alias else member
        except Exception:  # an alias to something outside gptkit (resolve_external=False)
            continue
        if target.docstring is None:
            continue  # show_if_no_docstring: false
        yield target


@pytest.mark.parametrize("path", METHODS_EXPLAINED)
def test_method_parameters_are_explained(path: str, package: Any) -> None:
    obj = _get(package, path)
    options = dict(_directives()).get(path, {})
    unexplained = {member.name: missing for member in _shown_members(obj, options)
                   if member.is_function and (missing := _explained(member))}
    assert not unexplained, f"{path}: method parameters nothing explains: {unexplained}"


def _texts(obj: Any, options: dict[str, str]) -> Iterator[tuple[str, str]]:
    """(where, text) for everything a directive renders: signatures, annotations, docstrings."""
    items = [obj, *(_shown_members(obj, options) if obj.is_class else ())]
    if obj.is_class and "__init__" in obj.members:
        items.append(obj.members["__init__"])
    for item in items:
        where = item.path
        if item.docstring is not None:
            yield where, item.docstring.value
        if item.is_function:
            for parameter in item.parameters:
                if parameter.name not in ("self", "cls"):
                    yield f"{where}({parameter.name})", f"{parameter.name}: {parameter.annotation}"
            yield f"{where} ->", str(item.returns)
        elif item.is_attribute:
            yield where, str(item.annotation)


def test_the_reference_shows_no_private_name(package: Any) -> None:
    leaks: list[str] = []
    for path, options in _directives():
        obj = _get(package, path)
        for where, text in _texts(obj, options):
            found = [m[0] for m in _PRIVATE_NAME.finditer(text)] + [p for p in PRIVATE if p in text]
            if found:
                leaks.append(f"{where}: {found}")
    assert not leaks, "\n".join(leaks)


def test_private_parameters_are_left_out_of_signatures(package: Any) -> None:
    init = _get(package, "gptkit.RetryPolicy").members["__init__"]
    names = [p.name for p in init.parameters]
    assert "max_attempts" in names and "_random" not in names
    assert "_random" in gptkit.RetryPolicy.__dataclass_fields__  # the hook exists; only the page hides it


def test_the_reference_shows_these_objects_and_no_private_class() -> None:
    directives = {path for path, _ in _directives()}
    wanted = set(DOCUMENTED) | set(TWINS) | set(CLIENTS)
    assert wanted <= directives, wanted - directives
    table = set(re.findall(r"^\| `(\w+)` \|", REFERENCE, flags=re.M))
    for module in (gptkit.testing, gptkit.batch):
        names = {f"{module.__name__}.{name}" for name in module.__all__ if name not in table}
        assert names <= directives, f"{module.__name__} names missing from the reference: {names - directives}"
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    # Base classes are private (the public API is the class itself), constructors are shown
    # with their parameters, and a client's unpacked options become parameters.
    for option in ("show_bases: false", "merge_init_into_class: true", "- unpack_typeddict",
                   "show_signature_annotations: true", "griffe_public.py"):
        assert option in config, option


@pytest.mark.parametrize("path", [*CLIENTS, *DOCUMENTED[:8]])
def test_one_parameter_list_per_constructor(path: str, package: Any) -> None:
    sections = [s for s in _sections(_get(package, path)) if s.kind.value == "parameters"]
    assert len(sections) == 1, f"{path}: {len(sections)} parameter lists"


def test_own_parameters_and_unpacked_options_make_one_list(tmp_path: Path) -> None:
    # The clients' shape: their own parameters described in the class docstring, the rest
    # ``**options: Unpack[Options]`` described once, on the TypedDict's fields.
    (tmp_path / "demo_pkg").mkdir()
    (tmp_path / "demo_pkg" / "__init__.py").write_text(
        "from typing import TypedDict\n"
        "from typing_extensions import Unpack\n\n\n"
        "class Options(TypedDict, total=False):\n"
        "    timeout: float\n"
        '    """Seconds for each attempt."""\n\n\n'
        "class Client:\n"
        '    """A client.\n\n'
        "    :param api_key: the key.\n"
        '    """\n\n'
        "    def __init__(self, *, api_key: str = '', _hook: int = 0, **options: Unpack[Options]) -> None:\n"
        "        pass\n", encoding="utf-8")
    names = [str(ROOT / name) if name.startswith(".ci/tools/") else name for name in _extensions()]
    loaded = griffe.load("demo_pkg", search_paths=[str(tmp_path)], extensions=griffe.load_extensions(*names),
                         docstring_parser="sphinx", resolve_aliases=True, resolve_external=False)
    client = loaded["Client"]
    assert [p.name for p in client.members["__init__"].parameters] == ["self", "api_key", "timeout"]
    sections = [s for s in _sections(client) if s.kind.value == "parameters"]
    assert [[(p.name, p.description) for p in s.value] for s in sections] == [
        [("api_key", "the key."), ("timeout", "Seconds for each attempt.")]]
