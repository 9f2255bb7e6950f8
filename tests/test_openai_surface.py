"""Every public name, client attribute and resource method of the official ``openai`` package
exists in gptkit with the parameter names it takes, except the documented exceptions
(tests/compat_surface.py), which docs/migration.md lists from the same tables."""

from __future__ import annotations

import inspect
import os
from pathlib import Path
from typing import Any

import openai
import pytest

import gptkit

from .compat_surface import (
    ATTRIBUTE_EXCEPTIONS,
    CLIENT_PARAMETER_EXCEPTIONS,
    METHOD_EXCEPTIONS,
    NAME_EXCEPTIONS,
    PARAMETER_EXCEPTIONS,
    REQUEST_OPTIONS,
    exempt,
    official_methods,
    parameters_of,
    render_table,
    resolve,
)

GUIDE = Path(__file__).resolve().parent.parent / "docs" / "migration.md"
START, END = "<!-- compat-table: start (tests/compat_surface.py) -->\n", "<!-- compat-table: end -->\n"
PAIRS = [("sync", openai.OpenAI, gptkit.OpenAI), ("async", openai.AsyncOpenAI, gptkit.AsyncOpenAI)]


def test_every_official_name_exists() -> None:
    missing = sorted(name for name in openai.__all__ if not hasattr(gptkit, name))
    assert missing == sorted(NAME_EXCEPTIONS), "update NAME_EXCEPTIONS (and give the reason)"


@pytest.mark.parametrize(("kind", "theirs", "ours"), PAIRS, ids=[p[0] for p in PAIRS])
def test_every_client_attribute_exists(kind: str, theirs: Any, ours: Any) -> None:
    official, mine = theirs(api_key="sk-x"), ours(api_key="sk-x")
    public = {name for name in dir(official) if not name.startswith("_")}
    missing = sorted(name for name in public if not hasattr(mine, name))
    assert missing == sorted(ATTRIBUTE_EXCEPTIONS), "update ATTRIBUTE_EXCEPTIONS (and give the reason)"


@pytest.mark.parametrize(("kind", "theirs", "ours"), PAIRS, ids=[p[0] for p in PAIRS])
def test_the_constructor_and_copy_take_the_official_parameters(kind: str, theirs: Any, ours: Any) -> None:
    for method in ("__init__", "copy", "with_options"):
        official = {name for name in inspect.signature(getattr(theirs, method)).parameters
                    if not name.startswith("_")}
        missing = sorted(official - set(inspect.signature(getattr(ours, method)).parameters))
        assert missing == sorted(CLIENT_PARAMETER_EXCEPTIONS), method


@pytest.mark.parametrize(("kind", "theirs", "ours"), PAIRS, ids=[p[0] for p in PAIRS])
def test_every_resource_method_exists_with_its_parameters(kind: str, theirs: Any, ours: Any) -> None:
    mine = ours(api_key="sk-x")
    used: set[str] = set()
    problems: list[str] = []
    for dotted, method in official_methods(theirs(api_key="sk-x")):
        key = exempt(METHOD_EXCEPTIONS, dotted)
        try:
            counterpart = resolve(mine, dotted)
        except AttributeError:
            if key is None:
                problems.append(f"missing: client.{dotted}")
            used.add(key or "")
            continue
        if key is not None:  # partly there: the entry stays needed only while something is missing
            continue
        ours_takes = parameters_of(counterpart) | REQUEST_OPTIONS
        for param in sorted(parameters_of(method) - ours_takes):
            if f"{dotted}:{param}" in PARAMETER_EXCEPTIONS:
                used.add(f"{dotted}:{param}")
            else:
                problems.append(f"client.{dotted} does not take {param}=")
    assert problems == []
    stale = sorted((set(METHOD_EXCEPTIONS) | set(PARAMETER_EXCEPTIONS)) - used)
    assert stale == [], ("no longer needed: remove them from tests/compat_surface.py, then run "
                         "GPTKIT_WRITE_DOCS=1 pytest tests/test_openai_surface.py")


def test_the_migration_guide_lists_the_exceptions() -> None:
    text = GUIDE.read_text()
    head, _, rest = text.partition(START)
    _, _, tail = rest.partition(END)
    expected = head + START + render_table() + END + tail
    if os.environ.get("GPTKIT_WRITE_DOCS"):
        GUIDE.write_text(expected)
        text = expected
    assert START in text and END in text, f"docs/migration.md lacks the {START.strip()} markers"
    assert text == expected, "run GPTKIT_WRITE_DOCS=1 pytest tests/test_openai_surface.py"
