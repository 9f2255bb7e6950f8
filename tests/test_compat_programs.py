"""The compatibility programs (tests/compat/) print the same under ``openai`` and ``import gptkit as openai``.

Each file in tests/compat/ is a small program written for the official package, in the style of
its examples and README. Every program runs twice, once with the official package and once with
only its imports changed to gptkit, each time against its own fresh ``FakeOpenAI`` served on
127.0.0.1 (same answers, same ids: ids count requests, and ``created`` stamps come from a virtual
clock), and its stdout and exit code must be identical. ``KNOWN_DIFFERENCES`` lists the programs
that do not print the same yet, each with the reason (docs/migration.md lists them too); such a
program must still differ, so that it leaves the list once fixed. Running the programs is marked
``slow``; the check that docs/migration.md lists ``KNOWN_DIFFERENCES`` and the count is not.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import pytest

from gptkit.testing import FakeOpenAI, VirtualClock

HERE = Path(__file__).parent
PROGRAMS = sorted(path.stem for path in (HERE / "compat").glob("*.py"))
DRIVER = HERE / "compat_driver.py"
MIGRATION = HERE.parent / "docs" / "migration.md"
PACKAGES = ("openai", "gptkit")


def _tool_calls() -> FakeOpenAI:
    fake = FakeOpenAI()
    fake.respond(None, tool_calls=[{"name": "get_weather", "arguments": {"city": "Paris"}}])
    fake.respond("It is sunny in Paris.")
    return fake


def _bad_request() -> FakeOpenAI:
    fake = FakeOpenAI()
    fake.respond(status=400, body={"error": {
        "message": "Invalid value for 'temperature': must be at most 2.", "type": "invalid_request_error",
        "param": "temperature", "code": "invalid_value"}})
    return fake


def _rate_limited() -> FakeOpenAI:
    fake = FakeOpenAI()
    fake.inject("rate_limit", times=1)
    return fake


def _unauthorized() -> FakeOpenAI:
    fake = FakeOpenAI()
    fake.respond(status=401, path="/chat/completions", body={"error": {
        "message": "Incorrect API key provided: sk-compa*****rams.", "type": "invalid_request_error",
        "param": None, "code": "invalid_api_key"}})
    return fake


def _slow_first() -> FakeOpenAI:
    fake = FakeOpenAI()
    fake.inject("slow_headers", seconds=0.6, times=1)
    return fake


def _two_calls() -> FakeOpenAI:
    fake = FakeOpenAI()
    fake.respond(None, tool_calls=[{"name": "get_weather", "arguments": {"city": "Paris"}},
                                   {"name": "get_weather", "arguments": {"city": "Rome"}}])
    return fake


def _weather_call() -> FakeOpenAI:
    fake = FakeOpenAI()
    fake.respond(None, tool_calls=[{"name": "get_weather",
                                    "arguments": {"city": "Paris", "country": "FR", "unit": "celsius"}}])
    return fake


#: The fake each program runs against, when not a plain ``FakeOpenAI()`` (a fresh one per run).
SETUP: dict[str, Callable[[], FakeOpenAI]] = {
    "tool_calling": _tool_calls,
    "responses_tools": _tool_calls,
    "chat_stream_final_json": _tool_calls,
    "errors_bad_request": _bad_request,
    "errors_rate_limit": _rate_limited,
    "files_batches": lambda: FakeOpenAI(batch_time=0),  # a batch is done when next looked at
    "async_errors": _unauthorized,
    "responses_background": lambda: FakeOpenAI(response_time=0),  # done when next looked at
    "responses_stream_resume_parsed": lambda: FakeOpenAI(response_time=0),
    "timeout_error": _slow_first,
    "chat_stream_tools": _two_calls,
    "pydantic_function_tool": _weather_call,
    "azure_client": lambda: FakeOpenAI(api_key="sk-compat-programs"),  # the api-key header is checked
    "azure_async": lambda: FakeOpenAI(api_key="sk-compat-programs"),
}

def _azure_resource(base_url: str) -> dict[str, str]:
    # The same fake as an Azure resource (it serves /openai/deployments/... too). Only for the
    # Azure programs: with both keys set, the official module-level client refuses to guess.
    return {"AZURE_OPENAI_ENDPOINT": base_url.removesuffix("/v1"), "AZURE_OPENAI_API_KEY": "sk-compat-programs"}


#: Environment variables a program gets besides OPENAI_BASE_URL and OPENAI_API_KEY, from its fake's URL.
ENVIRONMENT: dict[str, Callable[[str], dict[str, str]]] = {
    "azure_client": _azure_resource,
    "azure_async": _azure_resource,
    "azure_ad_token": lambda base_url: {"AZURE_OPENAI_ENDPOINT": base_url.removesuffix("/v1")},
}

#: Programs that do not print the same yet, with the reason (kept in step with docs/migration.md).
KNOWN_DIFFERENCES: dict[str, str] = {}


def run_programs(names: list[str], packages: tuple[str, ...] = PACKAGES) -> dict[str, dict[str, dict[str, Any]]]:
    """Run the named programs under each package, each program against its own fresh fake server.

    The packages run side by side (one driver process each); returns package -> program -> result.
    """
    with VirtualClock(), ExitStack() as stack:
        drivers = {}
        fakes: dict[tuple[str, str], FakeOpenAI] = {}
        for package in packages:
            plan = []
            for name in names:
                fake = fakes[package, name] = SETUP.get(name, FakeOpenAI)()
                server = stack.enter_context(fake.serve())
                plan.append({"name": name, "path": str(HERE / "compat" / f"{name}.py"), "base_url": server.base_url,
                             "env": ENVIRONMENT[name](server.base_url) if name in ENVIRONMENT else {}})
            warm = stack.enter_context(FakeOpenAI().serve())
            job = {"programs": plan, "warm_url": warm.base_url}
            driver = subprocess.Popen([sys.executable, str(DRIVER), package], stdin=subprocess.PIPE,
                                      stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            drivers[package] = (driver, json.dumps(job))
        results = {}
        for package, (driver, plan_text) in drivers.items():
            out, err = driver.communicate(plan_text, timeout=120)
            assert driver.returncode == 0, err[-3000:]
            results[package] = json.loads(out)
            for name, result in results[package].items():
                result["bodies"] = [request.body for request in fakes[package, name].requests]
    return results


@pytest.fixture(scope="module")
def outputs() -> dict[str, dict[str, dict[str, Any]]]:
    return run_programs(PROGRAMS)


def test_there_are_programs() -> None:
    assert len(PROGRAMS) >= 10
    assert set(SETUP) <= set(PROGRAMS) and set(ENVIRONMENT) <= set(PROGRAMS)
    assert set(KNOWN_DIFFERENCES) <= set(PROGRAMS)


@pytest.mark.slow  # every program twice: about ten seconds of subprocess work on a loaded machine
@pytest.mark.parametrize("name", PROGRAMS)
def test_program_prints_the_same(outputs: dict[str, dict[str, dict[str, Any]]], name: str) -> None:
    official, ours = outputs["openai"][name], outputs["gptkit"][name]
    # The program works with the official package and prints something worth comparing.
    assert official["exit"] == 0, official["stderr"][-3000:]
    assert official["stdout"].strip()
    same = (ours["exit"], ours["stdout"]) == (official["exit"], official["stdout"])
    if name in KNOWN_DIFFERENCES:
        assert not same, f"{name} now prints the same: remove it from KNOWN_DIFFERENCES and the docs"
    else:
        assert ours["stdout"] == official["stdout"], ours["stderr"][-3000:]
        assert ours["exit"] == official["exit"], ours["stderr"][-3000:]


def _schema_parts(body: Any) -> str:
    """What a request says about structured output and tools, as JSON (key order kept)."""
    if not isinstance(body, dict):
        return "null"
    return json.dumps({key: body[key] for key in ("response_format", "text", "tools") if key in body})


@pytest.mark.slow
@pytest.mark.parametrize("name", PROGRAMS)
def test_program_sends_the_same_schemas(outputs: dict[str, dict[str, dict[str, Any]]], name: str) -> None:
    # The strict schemas are the official package's, key order included: compared inside each
    # schema-bearing parameter; each parameter's own envelope follows gptkit's parameter types.
    official, ours = outputs["openai"][name]["bodies"], outputs["gptkit"][name]["bodies"]
    assert len(ours) == len(official)
    for theirs, mine in zip(official, ours, strict=True):
        assert _sorted(_schema_parts(mine)) == _sorted(_schema_parts(theirs))
        for key in ("response_format", "text", "tools"):
            for schema, reference in zip(_schemas(mine, key), _schemas(theirs, key), strict=True):
                assert json.dumps(schema) == json.dumps(reference)


def _sorted(text: str) -> str:
    return json.dumps(json.loads(text), sort_keys=True)


def _schemas(body: Any, key: str) -> list[Any]:
    value = body.get(key) if isinstance(body, dict) else None
    if key == "response_format" and isinstance(value, dict):
        return [(value.get("json_schema") or {}).get("schema")]
    if key == "text" and isinstance(value, dict):
        return [(value.get("format") or {}).get("schema")]
    if key == "tools" and isinstance(value, list):
        return [(tool.get("function") or tool).get("parameters") for tool in value if isinstance(tool, dict)]
    return []


START, END = "<!-- compat-programs: start (tests/test_compat_programs.py) -->", "<!-- compat-programs: end -->"


def differences_table() -> str:
    """The known differences as docs/migration.md lists them, between the compat-programs markers."""
    rows = [f"| `{name}` | {reason} |" for name, reason in sorted(KNOWN_DIFFERENCES.items())]
    identical = len(PROGRAMS) - len(KNOWN_DIFFERENCES)
    if not rows:
        return f"All {len(PROGRAMS)} programs print identical output under both packages."
    return "\n".join([f"{identical} of the {len(PROGRAMS)} programs print identical output under both packages.",
                      "", "| program | how its output differs, and why |", "|---|---|", *rows])


def test_migration_guide_counts_and_lists_the_differences() -> None:
    text = MIGRATION.read_text(encoding="utf-8")
    assert START in text and END in text, "docs/migration.md lacks the compat-programs markers"
    listed = text.split(START, 1)[1].split(END, 1)[0].strip()
    assert listed == differences_table(), (
        "docs/migration.md is out of step with KNOWN_DIFFERENCES; paste between the markers:\n"
        + differences_table())
