"""Guards on the causes of per-call CPU, none of them timed (timings: ``benchmarks/``).

A plain call pays only for what it uses: no listener means no event is built, no rate limit or
budget means none of their machinery loads, a first attempt that succeeds never sets up
tenacity, recording a call builds no pydantic model, and pricing a call asks genai-prices to
split the usage once per model and usage pattern, not at every call.
"""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import pytest

import gptkit
from gptkit._cost._ledger import FIELDS
from gptkit._cost._ledger_models import LedgerTotals
from gptkit._cost._price_cache import PRICE_CACHE
from tests.cost_helpers import ok, usage_body
from tests.helpers import Recorder, close, invoke, make_client

MSGS = [{"role": "user", "content": "hi"}]


def test_a_plain_call_loads_no_machinery_it_does_not_use() -> None:
    code = """
import sys, httpx, gptkit
body = {"id": "c", "object": "chat.completion", "created": 1, "model": "gpt-4o", "choices": [],
        "usage": {"prompt_tokens": 5, "completion_tokens": 7, "total_tokens": 12}}
transport = httpx.MockTransport(lambda request: httpx.Response(200, json=body))
client = gptkit.Client(api_key="sk-x", transport=transport)
for _ in range(3):
    assert client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "hi"}]).cost
assert client.stats.succeeded == 3 and client.ledger.calls == 3
print("\\n".join(sorted(sys.modules)))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(out.stdout.split())
    unused = {
        "gptkit._observe._events",  # no listener: no event object is built
        "gptkit._ratelimit",  # no rate_limit=
        "gptkit._cost._limits",  # no budget: no worst-case estimate
        "gptkit._cost._redis_budget",
        "gptkit._cost._ledger_models",  # the ledger counts without a pydantic model per call
        "gptkit._tokens",  # the server reported usage: nothing to estimate
        "tenacity",  # the first attempt succeeded
    }
    assert sorted(loaded & unused) == []
    assert "gptkit._cost._price_cache" in loaded  # the calls were priced (through the cache)


async def test_pricing_splits_the_usage_once_per_model_and_pattern(
    kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import genai_prices.decompose

    splits = 0
    split = genai_prices.decompose.compute_leaf_values

    def counting(*args: Any, **kwargs: Any) -> Any:
        nonlocal splits
        splits += 1
        return split(*args, **kwargs)

    # genai-prices imports it at each use, so the patched module attribute is what it calls.
    monkeypatch.setattr(genai_prices.decompose, "compute_leaf_values", counting)
    PRICE_CACHE.clear()
    replies = [ok(usage_body(model="gpt-4o-2024-08-06", prompt=100 + i, completion=20 + i, cached=i % 3 * 10))
               for i in range(30)]
    rec = Recorder(*replies)
    client = make_client(kind, rec)
    costs = [(await invoke(client, "chat.completions.create", model="gpt-4o", messages=MSGS)).cost
             for _ in replies]
    await close(client)
    assert all(cost is not None and cost.total > 0 for cost in costs)
    learned = splits
    assert 0 < learned <= 16  # plans learned for two patterns (cached or not), a few probes each
    rec2 = Recorder(*[ok(usage_body(model="gpt-4o-2024-08-06", prompt=500 + i, completion=9)) for i in range(20)])
    client = make_client(kind, rec2)
    for _ in range(20):
        await invoke(client, "chat.completions.create", model="gpt-4o", messages=MSGS)
    await close(client)
    assert splits == learned  # 20 more calls, no more splitting


def test_ledger_fields_match_its_totals_model() -> None:
    assert tuple(LedgerTotals.model_fields) == FIELDS


def test_ledger_record_checks_unusual_input_as_before() -> None:
    ledger = gptkit.Ledger()
    ledger.record(model="m", prompt_tokens=True, completion_tokens=2)  # coerced, as pydantic does
    with pytest.raises(ValueError):
        ledger.record(model="m", prompt_tokens="many")  # type: ignore[arg-type]
    snap = ledger.snapshot()
    assert (snap.total.calls, snap.total.prompt_tokens, snap.total.completion_tokens) == (1, 1, 2)

