"""The public API as a flat tree: read from the source with griffe, stored compactly, loaded back.

``build_snapshot`` flattens what griffe finds into one tree per public module path (aliases
resolved, inherited members copied into each class, private parameters dropped); ``compact`` and
``expand`` turn it into the stored form of ``.ci/tools/api_snapshot.json`` and back; ``load``
reads that file. ``api_check.py`` compares two such trees (see its docstring for what is public).
"""

from __future__ import annotations

import ast
import bisect
import functools
import json
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import griffe

__all__ = ["PACKAGE", "ROOT", "Node", "SnapshotError", "build_snapshot", "compact", "expand", "load"]

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = "gptkit"

Node = dict[str, Any]


def _is_public_module_path(path: str) -> bool:
    return not any(part.startswith("_") for part in path.split("."))


def _is_public_member(name: str) -> bool:
    return not name.startswith("_") or (name.startswith("__") and name.endswith("__"))


def _text(value: object) -> str | None:
    return None if value is None else str(value)


class SnapshotError(Exception):
    """The public API cannot be read statically (a name in ``__all__`` griffe cannot find)."""


def _resolve(obj: griffe.Object | griffe.Alias) -> griffe.Object | None:
    """The object an alias points to, or None when it lies outside the package."""
    if not obj.is_alias:
        return obj  # type: ignore[return-value]
    try:
        target = obj.final_target  # type: ignore[union-attr]
    except (griffe.AliasResolutionError, griffe.CyclicAliasError) as exc:
        if obj.target_path.split(".")[0] == PACKAGE:  # type: ignore[union-attr]
            raise SnapshotError(f"{obj.path} points to {obj.target_path}, which does not exist") from exc  # type: ignore[union-attr]
        return None
    return target if target.path.split(".")[0] == PACKAGE else None


def _function_node(function: griffe.Function) -> Node:
    """A function's public parameters and its return annotation."""
    parameters = [
        [p.name, p.kind.value, _text(p.annotation), _text(p.default)]
        for p in function.parameters
        if not p.name.startswith("_")
    ]
    return {"parameters": parameters, "returns": _text(function.returns)}


_TWINS = {f"{PACKAGE}.resources._twin.twin": False, f"{PACKAGE}.resources._twin.twin_list": True}
_LIST_PAGE = re.compile(r"^Sync(\w*Page)\[(.+)\]$")


def _twinned(obj: griffe.Object) -> tuple[griffe.Function, bool] | None:
    """For an attribute ``name = twin(X.m)`` (or ``twin_list``): ``X.m`` and whether it lists.

    Such an attribute is an ``AsyncResource`` method (``gptkit/resources/_twin.py``): a descriptor
    giving a bound async function with ``X.m``'s parameters, so it is compared as that method would
    be, written out; turning a method into a twin of the same signature is then no break."""
    value = getattr(obj, "value", None) if obj.is_attribute else None
    if not isinstance(value, griffe.ExprCall) or len(value.arguments) != 1:
        return None
    lists = _TWINS.get(getattr(value.function, "canonical_path", ""))
    argument = value.arguments[0]
    if lists is None or not isinstance(argument, (griffe.ExprName, griffe.ExprAttribute)):
        return None
    try:
        method = obj.modules_collection[argument.canonical_path]
    except KeyError as exc:
        raise SnapshotError(f"{obj.path} twins {argument.canonical_path}, which griffe cannot find") from exc
    method = _resolve(method)
    if not isinstance(method, griffe.Function):
        raise SnapshotError(f"{obj.path} twins {argument.canonical_path}, which is not a function")
    return method, lists


@functools.cache
def _class_defs(filepath: Path) -> dict[int, ast.ClassDef]:
    tree = ast.parse(filepath.read_text())
    return {node.lineno: node for node in ast.walk(tree) if isinstance(node, ast.ClassDef)}


def _runtime_method(function: griffe.Function) -> griffe.Object | None:
    """For a method declared for type checkers only, in a class's ``if TYPE_CHECKING:`` block whose
    ``else:`` gives it at runtime (``name = twin(X.m)``, or ``name = X.m``): ``X.m``.

    griffe keeps the declaration (what users' type checkers see) and drops the ``else:`` branch; the
    two must take the same parameters, or a parameter removed from ``X.m`` would break the async
    method unseen (``check_declared``)."""
    owner = function.parent
    filepath = getattr(owner, "filepath", None)
    if owner is None or not owner.is_class or not isinstance(filepath, Path):
        return None
    node = _class_defs(filepath).get(owner.lineno or 0)
    if node is None:
        return None
    for statement in node.body:
        if not (isinstance(statement, ast.If) and ast.unparse(statement.test) in {"TYPE_CHECKING",
                                                                                  "typing.TYPE_CHECKING"}):
            continue
        for assign in statement.orelse:
            names = [ast.unparse(target) for target in getattr(assign, "targets", ())]
            if not isinstance(assign, ast.Assign) or names != [function.name]:
                continue
            value = assign.value
            if isinstance(value, ast.Call) and ast.unparse(value.func) in {"twin", "twin_list"}:
                value = value.args[0]
            try:
                return _resolve(owner.parent[ast.unparse(value)])  # type: ignore[index]
            except (KeyError, ValueError) as exc:
                raise SnapshotError(
                    f"{function.path} is {ast.unparse(value)} at runtime, which griffe cannot find"
                ) from exc
    return None


def _check_declared(path: str, function: griffe.Function) -> None:
    """A method declared for type checkers must take what its runtime method takes (``_runtime_method``)."""
    runtime = _runtime_method(function)
    if not isinstance(runtime, griffe.Function):
        return
    declared, actual = ([p[:2] + p[3:] for p in _function_node(f)["parameters"]] for f in (function, runtime))
    if declared != actual:
        raise SnapshotError(f"{path} is declared for type checkers with the parameters {declared}, but at "
                            f"runtime it is {runtime.path}, which takes {actual}")


def _flatten(path: str, obj: griffe.Object | griffe.Alias, into: dict[str, Node], depth: int = 0) -> None:
    """Record ``obj`` at public ``path`` and its public members below it: aliases resolved,
    inherited members included, private parameters dropped. ``origin`` is where it is defined."""
    target = _resolve(obj)
    if target is None:  # a re-export from another package: its path is the contract
        into[path] = {"kind": "alias", "origin": obj.target_path}  # type: ignore[union-attr]
        return
    if depth > 20:
        raise SnapshotError(f"{path}: nesting too deep")
    node: Node = {"kind": target.kind.value, "origin": target.path}
    twinned = _twinned(target)
    if twinned is not None:
        node.update(_function_node(twinned[0]), kind="function")
        if twinned[1]:  # twin_list: the async kind of page, as the written-out method declared it
            node["returns"] = _LIST_PAGE.sub(r"AsyncPaginator[\2, Async\1[\2]]", node["returns"] or "")
    elif isinstance(target, griffe.Class):
        node["bases"] = [str(b) for b in target.bases]
    elif isinstance(target, griffe.Function):
        _check_declared(path, target)
        node.update(_function_node(target))
    elif target.is_module:
        node["kind"] = "module-ref"  # a module re-exported under another name: compared by presence
    else:
        node["annotation"] = _text(getattr(target, "annotation", None))
    into[path] = node
    if target.is_class:
        for name, member in target.all_members.items():
            if _is_public_member(name) and not (member.is_alias and member.is_module):
                _flatten(f"{path}.{name}", member, into, depth + 1)


def _flatten_module(module: griffe.Module, into: dict[str, Node]) -> None:
    exports = module.exports
    if exports is None:
        raise SnapshotError(f"{module.path} is public but declares no __all__")
    into[module.path] = {"kind": "module", "origin": module.path}
    for export in exports:
        name = export if isinstance(export, str) else export.name
        member = module.members.get(name)
        if member is None:
            raise SnapshotError(
                f"{module.path}.__all__ names {name!r}, which is not visible statically: import it "
                "in the module (under `if TYPE_CHECKING:` when it loads lazily)"
            )
        _flatten(f"{module.path}.{name}", member, into)
    for sub in module.modules.values():
        if _is_public_module_path(sub.path) and not sub.is_alias:
            _flatten_module(sub, into)


def build_snapshot(search_path: Path = ROOT, version: str | None = None) -> Node:
    """The public API of the gptkit found under ``search_path``: public path -> what it is."""
    loader = griffe.GriffeLoader(search_paths=[search_path], allow_inspection=False)
    # not try_relative_path: a gptkit/ folder in the working directory must not win over search_path
    package = loader.load(PACKAGE, try_relative_path=False)
    assert isinstance(package, griffe.Module)
    objects: dict[str, Node] = {}
    _flatten_module(package, objects)
    return {"version": version or _version_of(search_path), "objects": dict(sorted(objects.items()))}


def _version_of(search_path: Path) -> str:
    text = (search_path / PACKAGE / "_version.py").read_text()
    match = re.search(r"""__version__\s*=\s*["']([^"']+)["']""", text)
    if match is None:
        raise SnapshotError("no __version__ in gptkit/_version.py")
    return match.group(1)


# -- the stored form ------------------------------------------------------------------------------
# Stored expanded, the snapshot would repeat every inherited member in every subclass (each response
# model carries APIObject's methods) and every class exported from two modules. Stored, a class
# exported again is {"same_as": its first path}, and a member inherited unchanged from a public
# class is listed by name under "inherits" instead of copied; loading expands both back.


def _ancestors(path: str) -> Iterator[str]:
    while "." in path:
        path = path.rpartition(".")[0]
        yield path


def _natural_origin(objects: Mapping[str, Node], path: str) -> str:
    """Where an object at ``path`` is defined unless its node says otherwise: in its owner."""
    owner, _, name = path.rpartition(".")
    return f"{objects[owner]['origin']}.{name}" if owner in objects else path


def compact(objects: Mapping[str, Node]) -> dict[str, Node]:
    """The stored form of an expanded snapshot's objects."""
    first: dict[str, str] = {}  # class origin -> its shortest public path
    classes = [p for p, n in objects.items() if n["kind"] == "class"]
    for path in sorted(classes, key=lambda p: (p.count("."), p)):
        first.setdefault(objects[path]["origin"], path)
    parents = {p.rpartition(".")[0] for p in objects}
    out: dict[str, Node] = {}
    again: set[str] = set()
    for path, node in objects.items():
        if not again.isdisjoint(_ancestors(path)):
            continue  # a member of a class stored once, elsewhere
        if node["kind"] == "class" and first[node["origin"]] != path:
            again.add(path)
            out[path] = {"kind": "class", "same_as": first[node["origin"]]}
            continue
        owner, _, name = path.rpartition(".")
        owner_node = out.get(owner)
        if owner_node is not None and owner_node["kind"] == "class":
            base = first.get(node["origin"].rpartition(".")[0])
            inherited = base is not None and base != owner and path not in parents
            if inherited and objects.get(f"{base}.{name}") == node:
                owner_node.setdefault("inherits", {}).setdefault(base, []).append(name)
                continue
        out[path] = dict(node)
        if node["origin"] == _natural_origin(objects, path):
            del out[path]["origin"]
    return out


def expand(stored: Mapping[str, Node]) -> dict[str, Node]:
    """The expanded objects of a stored snapshot (the inverse of ``compact``)."""
    objects: dict[str, Node] = {}
    for path, node in stored.items():  # owners sort before their members
        if "same_as" not in node:
            full = {k: v for k, v in node.items() if k != "inherits"}
            full.setdefault("origin", _natural_origin(objects, path))
            objects[path] = full

    def member(base: str, name: str) -> Node:
        path = f"{base}.{name}"
        if path in objects:
            return objects[path]
        for grand, names in stored[base].get("inherits", {}).items():
            if name in names:
                return member(grand, name)
        raise SnapshotError(f"the snapshot has no {path}")

    for path, node in stored.items():
        for base, names in node.get("inherits", {}).items():
            for name in names:
                objects[f"{path}.{name}"] = member(base, name)
    ordered = sorted(objects)
    for path, node in stored.items():
        if "same_as" in node:
            source = node["same_as"]
            objects[path] = objects[source]
            start = bisect.bisect_left(ordered, source + ".")
            end = bisect.bisect_left(ordered, source + "/")  # "/" sorts right after "."
            for other in ordered[start:end]:
                objects[path + other[len(source):]] = objects[other]
    return dict(sorted(objects.items()))


def load(text: str) -> Node:
    """A snapshot from its stored text."""
    data = json.loads(text)
    return {"version": data["version"], "objects": expand(data["objects"])}
