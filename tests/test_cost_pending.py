"""Lazy pricing: while the price database is not loaded, a call no budget settles is priced when
its cost is first read (``gptkit._cost._ledger``), with exactly the result pricing at once gives.

The database is loaded in this test process already, so each test makes the client believe it is
not (``database_loaded``), and quiets the debug log (which reads every call's cost).
"""

from __future__ import annotations

import copy
import logging
import pickle
import sys
import types
import warnings
from decimal import Decimal

import pytest

import gptkit
from gptkit._cost import _ledger, _state
from gptkit._cost._ledger import PendingCost
from tests.cost_helpers import ok, usage_body
from tests.helpers import Recorder, close, invoke, make_client

MSGS = [{"role": "user", "content": "hi"}]


@pytest.fixture(autouse=True)
def _lazy(monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setattr(_state, "database_loaded", lambda: False)
    caplog.set_level(logging.WARNING, logger="gptkit")


async def test_costs_priced_when_read_equal_costs_priced_at_once(kind: str) -> None:
    bodies = [usage_body(model="gpt-4o-2024-08-06", prompt=100 + i, completion=20 + i, cached=i * 10)
              for i in range(3)]
    client = make_client(kind, Recorder(*[ok(b) for b in bodies]), tags={"team": "search"})
    results = [await invoke(client, "chat.completions.create", model="gpt-4o", messages=MSGS) for _ in bodies]
    assert all(isinstance(r._cost, PendingCost) for r in results)
    table = gptkit.PriceTable()
    expected = [table.cost("gpt-4o-2024-08-06", prompt_tokens=100 + i, completion_tokens=20 + i, cached_tokens=i * 10,
                           aliases=("gpt-4o",), provider=client._cost.provider) for i in range(3)]
    assert client.ledger.calls == 3  # counted at once
    snap = client.ledger.snapshot()  # prices every pending call
    total = sum((c.total for c in expected if c is not None), Decimal(0))
    assert snap.total.cost == total > 0 and snap.total.unpriced_calls == 0
    assert snap.by_model["gpt-4o"].cost == total and snap.by_tag["team"]["search"].cost == total
    assert snap.total.prompt_tokens == 303 and snap.total.cached_tokens == 30
    assert [r.cost for r in results] == expected
    assert client.ledger.total_cost == total  # read twice: added once
    await close(client)


async def test_an_unknown_model_warns_when_its_cost_is_read(kind: str) -> None:
    model = f"lazy-mystery-{kind}"
    client = make_client(kind, Recorder(ok(usage_body(model=model))), prices=gptkit.PriceTable())
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = await invoke(client, "chat.completions.create", model=model, messages=MSGS)
        assert not [w for w in caught if issubclass(w.category, gptkit.UnknownPriceWarning)]
        assert result.cost is None
        assert [w for w in caught if issubclass(w.category, gptkit.UnknownPriceWarning)]
    snap = client.ledger.snapshot()
    assert snap.total.unpriced_calls == 1 and snap.total.cost == 0 and snap.total.calls == 1
    await close(client)


async def test_reset_returns_the_priced_totals_and_starts_from_zero(kind: str) -> None:
    client = make_client(kind, Recorder(ok(usage_body(model="gpt-4o-2024-08-06")), ok(usage_body(model="gpt-4o"))))
    first = await invoke(client, "chat.completions.create", model="gpt-4o", messages=MSGS)
    before = client.ledger.reset()
    assert first.cost is not None and before.total.cost == first.cost.total > 0
    second = await invoke(client, "chat.completions.create", model="gpt-4o", messages=MSGS)
    assert client.ledger.total_cost == second.cost.total and client.ledger.calls == 1
    await close(client)


async def test_pending_costs_are_priced_together_when_too_many_wait(
    kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_ledger, "MAX_PENDING", 3)
    priced: list[PendingCost] = []
    value = PendingCost.value

    def counting(self: PendingCost) -> object:
        priced.append(self)
        return value(self)

    monkeypatch.setattr(PendingCost, "value", counting)
    client = make_client(kind, Recorder(*[ok(usage_body(model="gpt-4o")) for _ in range(4)]))
    for _ in range(4):
        await invoke(client, "chat.completions.create", model="gpt-4o", messages=MSGS)
    assert len(priced) == 3  # the first three, when the third was recorded; the fourth waits
    assert client.ledger.calls == 4 and client.ledger.total_cost > 0
    await close(client)


async def test_a_response_with_a_pending_cost_copies_pickles_and_compares(kind: str) -> None:
    client = make_client(kind, Recorder(ok(usage_body(model="gpt-4o")), ok(usage_body(model="gpt-4o"))))
    first = await invoke(client, "chat.completions.create", model="gpt-4o", messages=MSGS)
    second = await invoke(client, "chat.completions.create", model="gpt-4o", messages=MSGS)
    assert isinstance(first._cost, PendingCost) and first == second  # equal costs, priced to compare
    duplicate = copy.deepcopy(first)
    assert duplicate.cost == first.cost and duplicate.cost is not None
    assert pickle.loads(pickle.dumps(first)).cost == first.cost
    await close(client)


async def test_a_budget_or_a_listener_prices_at_once(kind: str) -> None:
    budget = gptkit.Budget(usd="1")
    client = make_client(kind, Recorder(ok(usage_body(model="gpt-4o"))), budget=budget)
    result = await invoke(client, "chat.completions.create", model="gpt-4o", messages=MSGS, max_tokens=10)
    assert not isinstance(result._cost, PendingCost) and budget.spent == result.cost.total > 0
    await close(client)
    seen: list[object] = []
    client = make_client(kind, Recorder(ok(usage_body(model="gpt-4o"))), listeners=[seen.append])
    result = await invoke(client, "chat.completions.create", model="gpt-4o", messages=MSGS)
    ends = [e for e in seen if type(e).__name__ == "RequestEnd"]
    assert ends and ends[0].cost == result.cost and result.cost is not None  # type: ignore[attr-defined]
    await close(client)


def test_a_price_database_still_being_imported_counts_as_not_loaded(monkeypatch: pytest.MonkeyPatch) -> None:
    # Another thread importing the database module leaves it in sys.modules without its globals
    # for a moment; asking then must not raise (it did: AttributeError on `_module`).
    half_imported = types.ModuleType("gptkit._cost._database")
    monkeypatch.setitem(sys.modules, "gptkit._cost._database", half_imported)
    assert _ledger.database_loaded() is False
    half_imported._import_failed = True  # type: ignore[attr-defined]
    assert _ledger.database_loaded() is True
