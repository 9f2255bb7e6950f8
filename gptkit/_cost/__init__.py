"""Cost accounting: prices (overrides, then genai-prices), the ledger, and budgets.

Nothing here imports ``genai_prices`` or ``redis`` at import time; both load on first use.
"""

from gptkit._cost._budget import Budget, BudgetBackend, Reservation
from gptkit._cost._ledger import Ledger, LedgerSnapshot, LedgerTotals
from gptkit._cost._prices import ModelPrice, PriceInfo, PriceTable, UnknownPriceWarning, price_of
from gptkit._cost._redis_budget import RedisBudget
from gptkit._cost._state import KEEP, CostState

__all__ = [
    "KEEP",
    "Budget",
    "BudgetBackend",
    "CostState",
    "Ledger",
    "LedgerSnapshot",
    "LedgerTotals",
    "ModelPrice",
    "PriceInfo",
    "PriceTable",
    "RedisBudget",
    "Reservation",
    "UnknownPriceWarning",
    "price_of",
]
