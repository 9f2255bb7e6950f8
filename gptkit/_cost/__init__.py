"""Cost accounting: prices (overrides, then genai-prices), the ledger, and budgets.

Nothing here imports ``genai_prices`` or ``redis`` at import time; both load on first use. Nor
pydantic models: ``LedgerSnapshot``/``LedgerTotals`` live in ``_ledger_models`` and ``Cost`` in
``gptkit.types.cost``, imported where used (``import gptkit`` loads this package).
"""

from typing import TYPE_CHECKING, Any

from gptkit._cost._budget import Budget, BudgetBackend, Reservation
from gptkit._cost._ledger import Ledger
from gptkit._cost._model_price import ModelPrice, PriceInfo, UnknownPriceWarning
from gptkit._cost._prices import PriceTable, price_of
from gptkit._cost._state import KEEP, CostState

if TYPE_CHECKING:
    from gptkit._cost._redis_budget import RedisBudget


def __getattr__(name: str) -> Any:
    if name == "RedisBudget":  # loaded on first use, like redis itself
        from gptkit._cost._redis_budget import RedisBudget

        return RedisBudget
    raise AttributeError(f"module 'gptkit._cost' has no attribute {name!r}")


__all__ = [
    "KEEP",
    "Budget",
    "BudgetBackend",
    "CostState",
    "Ledger",
    "ModelPrice",
    "PriceInfo",
    "PriceTable",
    "RedisBudget",
    "Reservation",
    "UnknownPriceWarning",
    "price_of",
]
