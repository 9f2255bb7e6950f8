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


#: What only a feature in use needs: the type tree and pydantic's model machinery, tenacity (a
#: retry), httpcore (a connection), the resources (``client.chat``), price data and its adapter (a
#: cost), streams, rate limiting, structured outputs, events (a listener), Azure, the legacy
#: classes, the async pool, the ledger's pydantic views and the Redis budget.
_FEATURE_MODULES = (
    "gptkit.types", "tenacity", "httpcore", "gptkit.resources", "genai_prices", "gptkit._cost._database",
    "gptkit._cost._price_cache", "gptkit._cost._ledger_models", "gptkit._cost._redis_budget",
    "gptkit._cost._limits", "gptkit._streams", "gptkit._ratelimit", "gptkit._structured",
    "gptkit._observe._events", "gptkit._azure", "gptkit._legacy._api", "gptkit._legacy._default",
    "gptkit._core._pool", "gptkit._tokens",
)


def test_import_gptkit_loads_no_heavy_modules() -> None:
    loaded = _modules_after("import gptkit")
    features = sorted(m for m in loaded if any(m == n or m.startswith(n + ".") for n in _FEATURE_MODULES))
    assert features == []
    # Costly standard or pydantic modules, unless the dependencies load them by themselves (their
    # cost, not gptkit's): e.g. httpx imports click when it is installed, and click imports uuid.
    theirs = _modules_after("import httpx, pydantic, tenacity, anyio")
    assert sorted(loaded - theirs & {"pydantic.main", "uuid", "asyncio"}) == []


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


def test_types_resolve_lazily_with_their_submodules() -> None:
    code = """
import sys, gptkit.types as t
assert not [m for m in sys.modules if m.startswith("gptkit.types.") and m not in ("gptkit.types._lazy", "gptkit.types._exports")]
from gptkit.types import ChatCompletion
assert ChatCompletion is t.chat.ChatCompletion and "gptkit.types.batch" not in sys.modules
assert t.file.FileObject is t.FileObject  # a submodule as an attribute, as when all were imported
assert set(t.__all__) <= set(dir(t))
try:
    t.Nope
except AttributeError as exc:
    assert "no attribute 'Nope'" in str(exc)
else:
    raise AssertionError("gptkit.types.Nope resolved")
"""
    subprocess.run([sys.executable, "-c", code], check=True)
