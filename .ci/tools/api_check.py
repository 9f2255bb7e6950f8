"""The API-break check: gptkit's public API against the snapshot of the last release.

    python .ci/tools/api_check.py            # CI: fail on a breaking change CHANGELOG.md does not record
    python .ci/tools/api_check.py --list     # every breaking change since the snapshot, recorded or not
    python .ci/tools/api_check.py --refresh  # at a release: write the snapshot of the API being released

What is public (docs/stability.md): the names in ``__all__`` of every module whose dotted path has no
part starting with ``_`` (``gptkit``, ``gptkit.types`` and its submodules, ``gptkit.testing``,
``gptkit.batch``, ``gptkit.resources.*``, ...), and the members of those names whose own names do
not start with ``_`` (dunder methods such as ``__init__`` included). griffe reads the source
statically; ``api_tree.py`` flattens what it finds into one tree per public module path (aliases
resolved, inherited members copied into each class, private parameters dropped; an async resource's
``name = twin(X.m)`` / ``twin_list(X.m)`` recorded as the method it gives, with ``X.m``'s parameters)
and stores that tree as ``.ci/tools/api_snapshot.json``. griffe's ``find_breaking_changes``
compares the stored tree with today's: removed objects and parameters, parameters that moved,
changed kind or default, became required or were added as required, objects that changed kind,
classes that lost a base.

A breaking change is allowed when CHANGELOG.md records it (``changelog_problems``): a bullet that
contains the word ``BREAKING`` and names the changed object by its public path in backticks
(``gptkit.Client.with_options``; a trailing ``(...)`` is ignored), in the section of a release
that may break the snapshot's API. While the snapshot's version is 0.x that is ``## [Unreleased]``
(which then ships as the next minor release) or a version with a higher minor or major number;
from 1.0 on only a section headed with a higher major version (``## [2.0.0]``) will do.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import griffe

sys.path.insert(0, str(Path(__file__).resolve().parent))  # api_tree, beside this script
from api_tree import PACKAGE, ROOT, Node, SnapshotError, build_snapshot, compact, expand, load

__all__ = [
    "Break",
    "SnapshotError",
    "build_snapshot",
    "changelog_problems",
    "compact",
    "expand",
    "find_breaks",
    "load",
    "main",
]

SNAPSHOT = ROOT / ".ci" / "tools" / "api_snapshot.json"
CHANGELOG = ROOT / "CHANGELOG.md"


# -- the comparison ------------------------------------------------------------------------------


def _to_griffe(objects: Mapping[str, Node]) -> griffe.Object:
    """Rebuild a griffe tree from a flat snapshot (parents always sort before their members)."""
    built: dict[str, griffe.Object] = {}
    for path, node in objects.items():
        name = path.rpartition(".")[2]
        kind = node["kind"]
        obj: griffe.Object
        if kind == "module":
            obj = griffe.Module(name)
        elif kind == "class":
            obj = griffe.Class(name, bases=list(node["bases"]))
        elif kind == "function":
            params = [
                griffe.Parameter(p_name, kind=griffe.ParameterKind(p_kind), annotation=ann, default=default)
                for p_name, p_kind, ann, default in node["parameters"]
            ]
            obj = griffe.Function(name, parameters=griffe.Parameters(*params), returns=node["returns"])
        else:  # attributes, re-exports and module references compare by presence and kind
            obj = griffe.Attribute(name, annotation=node.get("annotation"))
        obj.public = True
        parent = path.rpartition(".")[0]
        if parent:
            built[parent].set_member(name, obj)
        built[path] = obj
    return built[PACKAGE]


@dataclass(frozen=True)
class Break:
    """One breaking change: the public path it concerns, what changed, and the other public paths
    of the same object (an inherited member, a name exported by two modules)."""

    path: str
    kind: str
    detail: str = ""
    also: tuple[str, ...] = ()

    def __str__(self) -> str:
        text = f"{self.path}: {self.kind}{': ' + self.detail if self.detail else ''}"
        if self.also:
            more = ", ..." if len(self.also) > 3 else ""
            text += f" (also at {len(self.also)} other path(s): {', '.join(self.also[:3])}{more})"
        return text


def _detail(breakage: griffe.Breakage) -> str:
    detail = ""
    for value in (breakage.old_value, breakage.new_value):
        if isinstance(value, griffe.Parameter):
            detail = f"parameter {value.name!r}"
            break
    if breakage.kind is griffe.BreakageKind.PARAMETER_CHANGED_DEFAULT:
        detail += f" ({breakage.old_value.default} -> {breakage.new_value.default})"
    elif breakage.kind is griffe.BreakageKind.PARAMETER_CHANGED_KIND:
        detail += f" ({breakage.old_value.kind.value} -> {breakage.new_value.kind.value})"
    elif breakage.kind is griffe.BreakageKind.OBJECT_CHANGED_KIND:
        detail = f"{breakage.old_value.value} -> {breakage.new_value.value}"
    return detail


def find_breaks(old: Node, new: Node) -> list[Break]:
    """griffe's breaking changes from snapshot ``old`` to ``new``: one per change, each listing the
    other public paths where the same object (by its origin in the old snapshot) breaks the same way."""
    old_objects: Mapping[str, Node] = old["objects"]
    groups: dict[tuple[str, str, str], set[str]] = {}
    for breakage in griffe.find_breaking_changes(_to_griffe(old_objects), _to_griffe(new["objects"])):
        path = breakage.obj.path
        origin = old_objects.get(path, {}).get("origin", path)
        groups.setdefault((origin, breakage.kind.value, _detail(breakage)), set()).add(path)
    breaks = []
    for (_origin, kind, detail), path_set in groups.items():
        paths = sorted(path_set, key=lambda p: (p.count("."), p))  # the shortest public path names it
        breaks.append(Break(paths[0], kind, detail, tuple(paths[1:])))
    return sorted(breaks, key=lambda b: (b.path, b.kind, b.detail))


# -- the changelog rule --------------------------------------------------------------------------

_SECTION = re.compile(r"^## \[([^\]]+)\]", re.M)
_VERSION = re.compile(r"^(\d+)\.(\d+)\.(\d+)")


def _parse_version(text: str) -> tuple[int, int, int] | None:
    match = _VERSION.match(text.strip())
    return None if match is None else (int(match[1]), int(match[2]), int(match[3]))


def _may_break(section: str, since: tuple[int, int, int]) -> bool:
    """Whether the release a CHANGELOG section describes may break the API of version ``since``."""
    if section.strip().lower() == "unreleased":
        return since[0] == 0  # 0.x: Unreleased ships as the next minor release
    version = _parse_version(section)
    if version is None:
        return False
    if since[0] == 0:
        return version[:2] > since[:2]
    return version[0] > since[0]


def _bullets(body: str) -> Iterator[str]:
    bullet: list[str] = []
    for line in body.splitlines():
        if line.startswith("- "):
            if bullet:
                yield " ".join(bullet)
            bullet = [line]
        elif bullet and line.startswith("  "):
            bullet.append(line.strip())
        elif bullet:
            yield " ".join(bullet)
            bullet = []
    if bullet:
        yield " ".join(bullet)


def recorded_paths(changelog: str, since: str) -> set[str]:
    """Public paths named in BREAKING bullets of the CHANGELOG sections allowed to break ``since``."""
    since_version = _parse_version(since)
    if since_version is None:
        raise SnapshotError(f"snapshot version {since!r} is not X.Y.Z")
    heads = list(_SECTION.finditer(changelog))
    names: set[str] = set()
    for i, head in enumerate(heads):
        if not _may_break(head[1], since_version):
            continue
        end = heads[i + 1].start() if i + 1 < len(heads) else len(changelog)
        for bullet in _bullets(changelog[head.end() : end]):
            if "BREAKING" in bullet:
                names.update(re.sub(r"\(.*\)$", "", name) for name in re.findall(r"`([^`]+)`", bullet))
    return names


def changelog_problems(breaks: Iterable[Break], changelog: str, since: str) -> list[Break]:
    """The breaks that CHANGELOG.md does not record under a version allowed to make them (naming
    any one public path of the changed object records it)."""
    recorded = recorded_paths(changelog, since)
    return [b for b in breaks if recorded.isdisjoint((b.path, *b.also))]


# -- the command ---------------------------------------------------------------------------------


def _dump(snapshot: Node) -> str:
    """One object a line, so that a release's snapshot diff reads as a list of API changes."""
    objects = compact(snapshot["objects"]).items()
    lines = [f" {json.dumps(path)}: {json.dumps(node, sort_keys=True)}" for path, node in objects]
    return f'{{"version": {json.dumps(snapshot["version"])}, "objects": {{\n' + ",\n".join(lines) + "\n}}\n"


def _report(breaks: list[Break], unrecorded: list[Break], since: str, out: Any) -> None:
    for item in breaks:
        print(("UNRECORDED " if item in unrecorded else "recorded   ") + str(item), file=out)
    if unrecorded:
        print(
            f"\n{len(unrecorded)} breaking change(s) to the API of {since} are not recorded. Either undo "
            "them, or record each under `## [Unreleased]` in CHANGELOG.md (0.x; from 1.0 on, under the "
            "next major version's heading) in a `### Changed` or `### Removed` bullet that contains "
            "**BREAKING** and names the public path in backticks, e.g.\n"
            f"- **BREAKING**: `{unrecorded[0].path}` ... (what to use instead).\n"
            "See docs/stability.md.",
            file=out,
        )


def main(argv: list[str] | None = None, *, root: Path = ROOT, out: Any = None,
         current: dict[str, Any] | None = None) -> int:
    """The command; ``current`` is ``root``'s snapshot when the caller has already built it."""
    out = sys.stdout if out is None else out
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--list", action="store_true", help="list every breaking change, recorded or not")
    group.add_argument("--refresh", action="store_true", help="write the snapshot (at a release)")
    args = parser.parse_args(argv)
    snapshot_file = root / ".ci" / "tools" / "api_snapshot.json"
    current = build_snapshot(root) if current is None else current
    if not snapshot_file.exists():
        if not args.refresh:
            print(f"no snapshot at {snapshot_file}; run with --refresh to write one", file=out)
            return 1
        snapshot_file.write_text(_dump(current))
        print(f"wrote the API of {current['version']} to {snapshot_file}", file=out)
        return 0
    old = load(snapshot_file.read_text())
    breaks = find_breaks(old, current)
    unrecorded = changelog_problems(breaks, (root / "CHANGELOG.md").read_text(), old["version"])
    if args.list or unrecorded:
        _report(breaks, unrecorded, old["version"], out)
    if unrecorded:
        return 1
    if args.refresh:
        if _parse_version(current["version"]) < _parse_version(old["version"]):  # type: ignore[operator]
            print(f"version {current['version']} is older than the snapshot's {old['version']}", file=out)
            return 1
        if breaks and not _may_break(current["version"], _parse_version(old["version"])):  # type: ignore[arg-type]
            print(
                f"{len(breaks)} breaking change(s) since {old['version']}: {current['version']} may not "
                "carry them (0.x: bump the minor version; from 1.0: the major)",
                file=out,
            )
            return 1
        snapshot_file.write_text(_dump(current))
        print(f"wrote the API of {current['version']} to {snapshot_file}", file=out)
        return 0
    print(f"API check OK: no unrecorded breaking change since {old['version']} ({len(breaks)} recorded)",
          file=out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
