"""What the docs say about things outside gptkit's own numbers: the official package's retries
(migration.md, checked against the installed ``openai`` package), what ``pip install gptkit``
brings (README and quickstart, checked against the installed distributions), the Pythons
supported, the site's navigation, and the ``gptkit`` commands the pages show (each one parses).
"""

from __future__ import annotations

import contextlib
import io
import re
import shlex
from collections.abc import Iterator
from importlib.metadata import requires
from pathlib import Path
from unittest import mock

import pytest
from packaging.requirements import Requirement

from gptkit.cli._parser import build_parser

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def _row(text: str, name: str) -> tuple[str, str]:
    match = re.search(rf"^\| {re.escape(name)} \| (.+?) \| (.+?) \|$", text, flags=re.M)
    assert match is not None, name
    return match[1], match[2]


def test_the_official_packages_retries_as_migration_md_describes_them() -> None:
    openai = pytest.importorskip("openai")
    httpx2 = pytest.importorskip("httpx2")
    from openai import _constants
    from openai._models import FinalRequestOptions

    official, _ = _row((DOCS / "migration.md").read_text(encoding="utf-8"), "retries")
    assert f"{_constants.DEFAULT_MAX_RETRIES} retries of 408, 409, 429, 5xx and connection errors" in official
    assert (f"{_constants.INITIAL_RETRY_DELAY:g} s doubling up to {_constants.MAX_RETRY_DELAY:g} s, "
            "shortened by up to 25 % jitter") in official
    assert _constants.MAX_RETRY_AFTER_DELAY == 120 and "honoured up to 2 minutes, a longer one not retried" in official

    client = openai.OpenAI(api_key="test-key", base_url="http://127.0.0.1:9/v1")
    retried = {status: client._should_retry(httpx2.Response(status)) for status in (400, 404, 408, 409, 429, 500, 599)}
    assert retried == {400: False, 404: False, 408: True, 409: True, 429: True, 500: True, 599: True}
    assert "`x-should-retry` obeyed" in official
    assert not client._should_retry(httpx2.Response(503, headers={"x-should-retry": "false"}))
    assert client._should_retry(httpx2.Response(429, headers={"retry-after": "120"}))
    assert not client._should_retry(httpx2.Response(429, headers={"retry-after": "121"}))
    options = FinalRequestOptions(method="post", url="/chat/completions")
    with mock.patch("openai._base_client.random", return_value=1.0):   # the most jitter takes 25 %
        waits = [client._calculate_retry_timeout(left, options, None) for left in (2, 1, 0, -3)]
    assert waits == [0.375, 0.75, 1.5, 6.0]
    with mock.patch("openai._base_client.random", return_value=0.0):
        assert client._calculate_retry_timeout(-10, options, None) == 8.0   # the ceiling


def _closure(name: str, seen: dict[str, str]) -> None:
    for line in requires(name) or []:
        requirement = Requirement(line)
        if requirement.marker is not None and not requirement.marker.evaluate({"extra": ""}):
            continue
        key = re.sub(r"[-_.]+", "-", requirement.name).lower()
        if key not in seen:
            seen[key] = name
            _closure(requirement.name, seen)


def test_the_readme_and_quickstart_name_every_package_the_install_brings() -> None:
    brought: dict[str, str] = {}
    _closure("gptkit", brought)
    assert {"httpx", "pydantic", "genai-prices"} <= set(brought)
    readme = (ROOT / "README.md").read_text(encoding="utf-8").split("## Status", 1)[1]
    quickstart = (DOCS / "quickstart.md").read_text(encoding="utf-8").split("## First call", 1)[0]
    for page, text in (("README.md", readme), ("quickstart.md", quickstart)):
        named = {re.sub(r"[-_.]+", "-", word).lower() for word in re.findall(r"[A-Za-z][\w.-]*\w", text)}
        missing = {f"{package} (via {via})" for package, via in brought.items() if package not in named}
        assert not missing, f"{page} does not name {sorted(missing)}"


def test_the_supported_pythons() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'requires-python = ">=3.10"' in pyproject   # no upper bound
    assert "genai-prices>=0.1.13,<0.2; python_version < '3.11'" in pyproject
    for page in (ROOT / "README.md", DOCS / "quickstart.md"):
        text = " ".join(page.read_text(encoding="utf-8").split())
        assert "Python 3.10 and newer" in text and "Python 3.10 gets its last 0.1 release" in text, page.name


def test_every_page_is_in_the_navigation() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    nav = set(re.findall(r"^\s+- (?:[^:\n]+: )?([\w-]+\.md)$", config.split("\nnav:", 1)[1], flags=re.M))
    pages = {page.name for page in DOCS.glob("*.md")}
    assert pages == nav, (pages - nav, nav - pages)


def _commands() -> Iterator[tuple[str, str]]:
    """Every ``gptkit ...`` command line of a shell or text block of the README and docs/."""
    for path in [ROOT / "README.md", *sorted(DOCS.glob("*.md"))]:
        text = path.read_text(encoding="utf-8")
        for lang, body in re.findall(r"^ *```(\w*)\n(.*?)^ *```", text, flags=re.M | re.S):
            if lang not in ("bash", "console", "sh", "shell", "text", ""):
                continue
            lines = [line.strip() for line in body.replace("\\\n", " ").splitlines()]
            prompted = any(line.startswith("$ ") for line in lines)
            for line in lines:
                if prompted and not line.startswith("$ "):
                    continue   # the command's output
                line = re.sub(r"^python -m gptkit(\.batch)? ", lambda m: "gptkit batch " if m[1] else "gptkit ",
                              line.removeprefix("$ "))
                if line.startswith("gptkit "):
                    yield path.name, re.split(r" (?:#|\||>|<|&&) ", line)[0]


COMMANDS = list(_commands())


def test_the_pages_show_the_commands() -> None:
    shown = {shlex.split(line)[1] for _, line in COMMANDS}
    assert {"ask", "chat", "models", "price", "demo", "batch"} <= shown
    assert any(line.startswith("gptkit batch run ") for page, line in COMMANDS if page == "batch.md")


@pytest.mark.parametrize(("page", "line"), COMMANDS, ids=[f"{p}: {c}" for p, c in COMMANDS])
def test_every_command_the_docs_show_parses(page: str, line: str) -> None:
    errors = io.StringIO()
    try:
        with contextlib.redirect_stderr(errors), contextlib.redirect_stdout(io.StringIO()):
            build_parser().parse_args(shlex.split(line)[1:])
    except SystemExit as stop:
        pytest.fail(f"{page}: {line!r} does not parse ({stop.code}): {errors.getvalue()}")
