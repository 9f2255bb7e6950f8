"""The layout docs/architecture.md describes: which modules one call runs, what the package root
holds, module sizes, and that every module the page names exists."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "gptkit"
ARCHITECTURE = ROOT / "docs" / "architecture.md"

#: The most gptkit modules (wire types aside) one plain chat call may run (issue 20: about 8).
HOT_PATH_LIMIT = 8

#: What the package root holds: the public face, and a few top-level concepts (DESIGN.md).
ROOT_MODULES = {
    "__init__.py", "__main__.py", "_version.py", "py.typed",  # the public surface
    "error.py", "otel.py", "pagination.py",  # public modules at the official package's paths
    "_retry.py",  # the retry policy
    "_clock.py", "_tokens.py", "_redis.py", "_optional.py",  # time, token estimates, Redis, extras
    "_drive.py",  # running sans-IO step generators, blocking or awaited (the limiter, the budget)
}

#: "About 400 lines at most" (DESIGN.md): past this a module fails the suite (split it by
#: responsibility); ``.ci/tools/layout_report.py`` lists the sizes.
MODULE_LIMIT = 400

_ONE_CALL = """
import json, sys
import httpx
import gptkit

BODY = {"id": "chatcmpl-1", "object": "chat.completion", "created": 1, "model": "gpt-4o-mini",
        "choices": [{"index": 0, "message": {"role": "assistant", "content": "hi"}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 3, "completion_tokens": 1, "total_tokens": 4}}
client = gptkit.Client(api_key="sk-test", transport=httpx.MockTransport(lambda r: httpx.Response(200, json=BODY)))
MESSAGES = [{"role": "user", "content": "hi"}]
client.chat.completions.create(model="gpt-4o-mini", messages=MESSAGES)  # first use: imports, caches
seen = set()

def profile(frame, event, arg):
    if event == "call":
        name = frame.f_globals.get("__name__") or ""
        if name.startswith("gptkit") and not name.startswith("gptkit.types"):
            seen.add(name)

sys.setprofile(profile)
client.chat.completions.create(model="gpt-4o-mini", messages=MESSAGES)
sys.setprofile(None)
print(json.dumps(sorted(seen)))
"""


def _modules_of_one_call() -> list[str]:
    # A fresh interpreter: no pytest plugin, virtual clock or other test's state in the way.
    out = subprocess.run([sys.executable, "-c", _ONE_CALL], capture_output=True, text=True, check=True)
    modules: list[str] = json.loads(out.stdout)
    return modules


def _section(title: str) -> str:
    text = ARCHITECTURE.read_text(encoding="utf-8")
    start = text.index(f"## {title}")
    end = text.find("\n## ", start + 1)
    return text[start:] if end < 0 else text[start:end]


def test_one_plain_call_runs_few_modules_and_the_architecture_page_lists_them() -> None:
    modules = _modules_of_one_call()
    assert "gptkit._core._client" in modules and "gptkit.resources.chat" in modules  # it measures
    assert len(modules) <= HOT_PATH_LIMIT, f"one chat call now runs {len(modules)} modules: {modules}"
    listed = set(re.findall(r"^\| `(gptkit(?:\.\w+)+)` \|", _section("What runs during one call"), flags=re.M))
    assert listed == set(modules), (
        "docs/architecture.md lists other modules than one call runs: "
        f"not listed {sorted(set(modules) - listed)}, listed but not run {sorted(listed - set(modules))}"
    )


def test_every_module_the_architecture_page_names_exists() -> None:
    text = ARCHITECTURE.read_text(encoding="utf-8")
    paths = set(re.findall(r"`(gptkit/[\w/]+\.py)`", text))
    dotted = set(re.findall(r"`(gptkit(?:\.\w+)+)`", text))
    assert len(paths) >= 15 and dotted, "the page names the module of each step"
    for path in paths:
        assert (ROOT / path).is_file(), f"docs/architecture.md names {path}, which does not exist"
    for name in dotted:
        relative = Path(*name.split("."))
        assert (ROOT / relative.with_suffix(".py")).is_file() or (ROOT / relative / "__init__.py").is_file(), name


def test_the_page_is_in_the_site_navigation() -> None:
    assert "architecture.md" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")


def test_the_package_root_holds_the_public_face_and_named_subpackages() -> None:
    files = {p.name for p in PACKAGE.iterdir() if p.is_file() and p.suffix in (".py", ".typed")}
    assert files <= ROOT_MODULES, f"new modules in gptkit/ (put them in a subpackage): {files - ROOT_MODULES}"
    packages = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file()}
    tree = _section("The folder tree")
    for name in packages:
        assert f"{name}/" in tree, f"docs/architecture.md's folder tree does not show gptkit/{name}/"


def test_modules_stay_small() -> None:
    for path in sorted(PACKAGE.rglob("*.py")):
        name = path.relative_to(PACKAGE).as_posix()
        lines = len(path.read_text(encoding="utf-8").splitlines())
        assert lines <= MODULE_LIMIT, f"gptkit/{name} has {lines} lines: split it by responsibility"
