"""Measure how the package is laid out: duplicated runs, sync/async twins, module sizes.

    python .ci/tools/layout_report.py            # the figures docs/architecture.md records
    python .ci/tools/layout_report.py --details  # and where they come from

Duplicated runs come from the ``duplicates`` command (six or more identical or same-shape lines,
boilerplate rows not counted). It names only the longest run of each pair of files, so the
report runs it again on a scratch copy of the package with the runs found so far blanked out,
until it finds none: every line that stands in some run is counted once.

Twins are a sync class, method or function and its ``Async``/``a``-prefixed counterpart; their
alike lines are those ``difflib`` matches once ``async``/``await`` and the prefixes are set aside.
Both shares are of the package's code lines (not blank, not only a comment).
"""

from __future__ import annotations

import argparse
import ast
import difflib
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "gptkit"
ROW = re.compile(r"^D\d+ (\S+):(\d+)-(\d+) ~ (\S+):(\d+)-(\d+)(.*)$")


def code_lines(path: Path) -> set[int]:
    """Line numbers of ``path`` that hold code (not blank, not only a comment)."""
    lines = path.read_text().splitlines()
    return {i for i, line in enumerate(lines, 1) if line.strip() and not line.strip().startswith("#")}


def package_files() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


# -- duplicated runs -------------------------------------------------------------------------


def duplicated_lines(verbose: bool) -> dict[str, set[int]]:
    """Every line of the package that stands in a duplicated run, by file (relative to gptkit/)."""
    covered: dict[str, set[int]] = {}
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "gptkit"
        shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
        for _ in range(200):
            out = subprocess.run(
                ["duplicates", "--repo", str(copy), "--most", "200", "--seconds", "120"],
                capture_output=True, text=True, check=True,
            ).stdout
            rows = [m for m in map(ROW.match, out.splitlines()) if m and "boilerplate" not in m.group(7)]
            if not rows:
                break
            blank: dict[str, set[int]] = {}
            for m in rows:
                a, a1, a2, b, b1, b2 = m.group(1), int(m.group(2)), int(m.group(3)), m.group(4), \
                    int(m.group(5)), int(m.group(6))
                if verbose:
                    print(f"  run {a}:{a1}-{a2} ~ {b}:{b1}-{b2}{m.group(7)}")
                covered.setdefault(a, set()).update(range(a1, a2 + 1))
                covered.setdefault(b, set()).update(range(b1, b2 + 1))
                blank.setdefault(a, set()).update(range(a1, a2 + 1))  # one side: the other may pair again
            for name, numbers in blank.items():
                path = copy / name
                lines = path.read_text().splitlines()
                path.write_text("\n".join("" if i in numbers else line for i, line in enumerate(lines, 1)))
    return covered


# -- sync/async twins ------------------------------------------------------------------------

_ASYNC_DUNDERS = {"__aenter__": "__enter__", "__aexit__": "__exit__", "__aiter__": "__iter__",
                  "__anext__": "__next__"}


def _sync_name(name: str) -> list[str]:
    """The names the sync twin of ``name`` may have."""
    if name in _ASYNC_DUNDERS:
        return [_ASYNC_DUNDERS[name]]
    private = "_" if name.startswith("_") and not name.startswith("__") else ""
    bare = name[len(private):]
    if bare.startswith("Async") and len(bare) > 5:
        return [private + bare[5:], private + "Sync" + bare[5:]]
    if bare.startswith("a") and len(bare) > 1 and bare[1].islower():
        return [private + bare[1:]]
    return []


_NORMALISE = [(re.compile(r"\bawait\s+"), ""), (re.compile(r"\basync\s+"), ""),
              (re.compile(r"\b(_?)Async"), r"\1"), (re.compile(r"\b(_?)Sync"), r"\1"),
              (re.compile(r"\ba(close|read|iter_bytes|enter|exit|iter|next|send|acquire|observe|failed|"
                          r"settle|release|reserve|fail|sleep|get|wait)\b"), r"\1"),
              (re.compile(r"__a(enter|exit|iter|next)__"), r"__\1__"),
              (re.compile(r"StopAsyncIteration"), "StopIteration")]


def _normalise(line: str) -> str:
    line = line.strip()
    for pattern, repl in _NORMALISE:
        line = pattern.sub(repl, line)
    return line


Node = ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef


def _scopes(tree: ast.AST) -> Iterator[list[Node]]:
    """The definitions of each scope (module body, class bodies), recursively."""
    body = getattr(tree, "body", [])
    nodes = [n for n in body if isinstance(n, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))]
    yield nodes
    for n in nodes:
        if isinstance(n, ast.ClassDef):
            yield from _scopes(n)


def twin_pairs() -> list[tuple[Path, Node, Path, Node]]:
    """(sync file, sync node, async file, async node) for every twin pair; outermost pairs only."""
    definitions: dict[str, list[tuple[Path, Node]]] = {}
    trees = {path: ast.parse(path.read_text()) for path in package_files()}
    for path, tree in trees.items():
        for node in tree.body:
            if isinstance(node, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
                definitions.setdefault(node.name, []).append((path, node))
    pairs: list[tuple[Path, Node, Path, Node]] = []
    inside: set[int] = set()  # nodes already inside a paired class
    for path, tree in trees.items():
        for scope in _scopes(tree):
            local = {n.name: n for n in scope}
            for node in scope:
                if id(node) in inside:
                    continue
                for sync in _sync_name(node.name):
                    twin: tuple[Path, Node] | None = None
                    if sync in local:
                        twin = (path, local[sync])
                    elif scope is tree.body or scope == [n for n in tree.body if isinstance(n, Node)]:
                        # a module-level twin may live in a sibling module
                        near = [d for d in definitions.get(sync, []) if d[0].parent == path.parent]
                        twin = near[0] if near else None
                    if twin is not None:
                        pairs.append((twin[0], twin[1], path, node))
                        for sub in ast.walk(node):
                            inside.add(id(sub))
                        for sub in ast.walk(twin[1]):
                            inside.add(id(sub))
                        break
    return pairs


def _body(path: Path, node: Node) -> list[tuple[int, str]]:
    lines = path.read_text().splitlines()
    start = min([node.lineno] + [d.lineno for d in node.decorator_list])
    code = code_lines(path)
    return [(i, _normalise(lines[i - 1])) for i in range(start, (node.end_lineno or start) + 1) if i in code]


def twin_lines(verbose: bool) -> dict[str, set[int]]:
    """Every line of the package that stands in a twin pair and is alike in its twin, by file."""
    covered: dict[str, set[int]] = {}
    for sync_path, sync_node, async_path, async_node in twin_pairs():
        a, b = _body(sync_path, sync_node), _body(async_path, async_node)
        matcher = difflib.SequenceMatcher(None, [t for _, t in a], [t for _, t in b], autojunk=False)
        alike = 0
        for block in matcher.get_matching_blocks():
            for k in range(block.size):
                covered.setdefault(str(sync_path.relative_to(PACKAGE)), set()).add(a[block.a + k][0])
                covered.setdefault(str(async_path.relative_to(PACKAGE)), set()).add(b[block.b + k][0])
                alike += 1
        if verbose:
            where = f"{sync_path.relative_to(PACKAGE)}:{sync_node.name}"
            twin = f"{async_path.relative_to(PACKAGE)}:{async_node.name}"
            print(f"  twin {where} ~ {twin}: {alike} of {max(len(a), len(b))} alike")
    return covered


# -- the report ------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--details", action="store_true", help="list every run and twin pair")
    args = parser.parse_args()
    files = package_files()
    total = sum(len(code_lines(p)) for p in files)
    types_total = sum(len(code_lines(p)) for p in files if "types" in p.relative_to(PACKAGE).parts[:1])
    print(f"gptkit: {len(files)} modules, {total} code lines ({total - types_total} outside gptkit/types)")
    for label, covered in (("duplicated runs", duplicated_lines(args.details)),
                           ("sync/async twins", twin_lines(args.details))):
        counted = sum(len(numbers & code_lines(PACKAGE / name)) for name, numbers in covered.items())
        print(f"{label}: {counted} code lines, {100 * counted / total:.1f}% of the package")
    big = [(len(p.read_text().splitlines()), p.relative_to(PACKAGE)) for p in files]
    over = sorted((n, str(p)) for n, p in big if n > 400)
    print("modules over 400 lines:", ", ".join(f"{p} ({n})" for n, p in over) or "none")
    print("largest module:", max(big)[1], max(big)[0], "lines")


if __name__ == "__main__":
    sys.exit(main())
