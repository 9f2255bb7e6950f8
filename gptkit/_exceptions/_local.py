"""gptkit's own errors raised without a call to the API: client-side rate limits, the Redis behind
shared limits and budgets, budgets, and prices."""

from __future__ import annotations

from decimal import Decimal

from gptkit._exceptions._api import GptkitError

__all__ = [
    "BackendError",
    "BudgetBackendError",
    "BudgetExceededError",
    "BudgetStateLostError",
    "RateLimitBackendError",
    "RateLimitExceededError",
    "UnknownPriceError",
]


class RateLimitExceededError(GptkitError):
    """The client-side rate limiter can never admit this request (it exceeds the limit itself)."""


class BackendError(GptkitError):
    """The Redis that shares rate limits or a budget failed or could not be reached.

    The call was refused before anything was sent. Raised after a short reconnect attempt
    (``reconnect=`` seconds on ``RedisBackend`` / ``RedisBudget``), so a failover is ridden
    over; a later call succeeds once Redis answers again. No exception of the ``redis``
    package ever reaches a caller: they all arrive as this class (the original is chained).
    """

    #: Whether the failed command may still have run in Redis (its answer was lost, not its
    #: connection refused): gptkit undoes such a budget reservation when Redis answers again.
    maybe_applied: bool = False


class RateLimitBackendError(BackendError):
    """The shared rate-limit backend (Redis) could not be reached or failed; nothing was sent."""


class BudgetBackendError(BackendError):
    """A ``RedisBudget`` could not reach Redis to reserve a call's cost; nothing was sent.

    Settlements of calls that did run are never lost to an outage: they are kept and written
    when Redis answers again (or on ``close()``).
    """


class BudgetStateLostError(BudgetBackendError):
    """A ``RedisBudget``'s state vanished from Redis, or was replaced; nothing was sent.

    Instead of silently starting again from $0 spent, the budget refuses calls. ``cause``
    names what happened, as far as Redis tells: ``"restart"`` (Redis restarted without keeping
    the budget: no persistence), ``"eviction"`` (memory pressure under an ``allkeys-*``
    policy), ``"flush"`` (``FLUSHDB`` / ``FLUSHALL``), ``"rollback"`` (Redis came back from an
    older copy: spending recorded since is missing), ``"replaced"`` (created again by a process
    that never saw the old one) or ``"deleted"`` (removed otherwise). Calls stay refused until
    ``budget.reset(spent=...)`` starts the budget again with what was really spent.
    """

    def __init__(self, message: str, *, cause: str, budget: str) -> None:
        super().__init__(message)
        self.message = message
        self.cause = cause
        self.budget = budget


class BudgetExceededError(GptkitError):
    """The call's worst-case cost does not fit the remaining budget; nothing was sent.

    ``needed`` is the call's worst-case cost, ``remaining`` what the budget had left (limit minus
    spent minus what running calls hold) and ``limit`` the budget, all in ``Decimal`` dollars.
    """

    def __init__(
        self,
        message: str = "The call's worst-case cost does not fit the remaining budget.",
        *,
        needed: Decimal | None = None,
        remaining: Decimal | None = None,
        limit: Decimal | None = None,
        model: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.needed = needed
        self.remaining = remaining
        self.limit = limit
        self.model = model


class UnknownPriceError(GptkitError):
    """A budgeted call uses a model with no known price, so its cost cannot be bounded.

    Nothing was sent. Add the model's price (``prices=``) or build the budget with
    ``allow_unpriced=True`` to let such calls through uncounted.
    """

    def __init__(self, message: str, *, model: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.model = model
