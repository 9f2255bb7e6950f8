"""The import-time budget: ``import gptkit`` loads no type tree, no pydantic models, no tenacity.

Timings live in ``benchmarks/bench_calls.py``; these tests pin the causes, which do not depend on
how busy the machine is.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

import gptkit


def _modules_after(code: str) -> set[str]:
    script = f"import sys\n{code}\nprint('\\n'.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def test_import_gptkit_loads_no_heavy_modules() -> None:
    loaded = _modules_after("import gptkit")
    heavy = sorted(
        m for m in loaded
        if m == "tenacity" or m.startswith(("gptkit.types", "tenacity.", "httpcore"))
        or m in {"pydantic.main", "uuid", "gptkit.resources"}
    )
    assert heavy == []


def test_a_first_attempt_that_succeeds_never_imports_tenacity() -> None:
    code = """
import httpx, gptkit
body = {"id": "c", "object": "chat.completion", "created": 1, "model": "m", "choices": []}
replies = [httpx.Response(200, json=body), httpx.Response(500, json={"error": {"message": "x"}}),
           httpx.Response(200, json=body)]
transport = httpx.MockTransport(lambda request: replies.pop(0))
client = gptkit.Client(api_key="sk-x", transport=transport, retry=gptkit.RetryPolicy(zero_waits=True))
messages = [{"role": "user", "content": "hi"}]
client.chat.completions.create(model="m", messages=messages)
print("tenacity" in sys.modules, file=sys.stderr)
client.chat.completions.create(model="m", messages=messages)  # 500, then a retry
assert not replies
"""
    script = f"import sys\n{code}\nprint('tenacity' in sys.modules, file=sys.stderr)"
    # -W ignore: model "m" has no price, and its one-time warning would also go to stderr.
    out = subprocess.run([sys.executable, "-W", "ignore", "-c", script], capture_output=True, text=True,
                         check=True)
    assert out.stderr.split() == ["False", "True"]  # imported only when a retry happened


def test_lazy_public_names_resolve_and_are_listed() -> None:
    from gptkit.types.cost import Cost

    assert gptkit.Cost is Cost
    assert "Cost" in dir(gptkit)
    with pytest.raises(AttributeError, match="no attribute 'Nope'"):
        _ = gptkit.Nope  # type: ignore[attr-defined]
