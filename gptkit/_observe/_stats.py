"""Live per-client counters for dashboards and the CLI: ``client.stats`` (sans-IO).

Updated by every call whether or not anyone listens, so each update is a few integer operations
under one lock; latency goes into a fixed log-bucket histogram (constant memory, percentiles
within about 4.5%). The counters and their updates are ``gptkit._observe._trace``'s (the trace of
each call writes them, so a call runs no code of this module); here is how they are read.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from decimal import Decimal
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from gptkit._observe._trace import Counters, LatencyHistogram

if TYPE_CHECKING:
    from gptkit._cost import Ledger

__all__ = ["ClientStats", "LatencyHistogram", "StatsSnapshot"]

_ZERO = Decimal(0)


@dataclass(frozen=True)
class StatsSnapshot:
    """A consistent copy of a client's counters at one moment.

    ``errors`` counts failed calls by error class; ``responses_429`` counts every 429 response,
    retried or not; ``latency_p50``/``latency_p95`` are seconds over successful calls (None
    before the first); ``cost`` is the client's ledger total (calls whose price was known).
    """

    in_flight: int
    started: int
    succeeded: int
    failed: int
    errors: Mapping[str, int]
    retries: int
    responses_429: int
    rate_limit_waits: int
    rate_limit_wait: float
    latency_p50: float | None
    latency_p95: float | None
    cost: Decimal

    def to_dict(self) -> dict[str, Any]:
        """Plain values for JSON (``cost`` as a string, to keep it exact)."""
        return {
            "in_flight": self.in_flight, "started": self.started, "succeeded": self.succeeded,
            "failed": self.failed, "errors": dict(self.errors), "retries": self.retries,
            "responses_429": self.responses_429, "rate_limit_waits": self.rate_limit_waits,
            "rate_limit_wait": self.rate_limit_wait, "latency_p50": self.latency_p50,
            "latency_p95": self.latency_p95, "cost": str(self.cost),
        }


class ClientStats(Counters):
    """Live counters of a client and of the ``with_options`` copies that share it.

    Read single values as properties (``client.stats.in_flight``) or take a consistent
    ``snapshot()``. Safe across threads and tasks; ``reset()`` zeroes everything but the calls
    still in flight and the cost, which is the ledger's (``client.ledger.reset()`` zeroes it).
    """

    def __init__(self, ledger: Ledger | None = None) -> None:
        super().__init__()
        self._ledger = ledger

    # -- reading ----------------------------------------------------------------------------

    def snapshot(self) -> StatsSnapshot:
        """All counters, read together."""
        with self._lock:
            latency = self._latency.copy()
            snap = StatsSnapshot(
                in_flight=self._in_flight, started=self._started, succeeded=self._succeeded,
                failed=self._failed, errors=MappingProxyType(dict(self._errors)),
                retries=self._retries, responses_429=self._429s, rate_limit_waits=self._waits,
                rate_limit_wait=self._wait_total, latency_p50=None, latency_p95=None,
                cost=self._ledger_cost(),
            )
        # Percentiles outside the lock: the copy is private, and the walk is the slow part.
        return _with_latency(snap, latency)

    def reset(self) -> StatsSnapshot:
        """Zero the counters (not calls in flight, nor the ledger's cost); returns the values before."""
        snap = self.snapshot()
        with self._lock:
            self._zero()
        return snap

    @property
    def in_flight(self) -> int:
        """Calls started and not yet finished (a stream until it is read or closed)."""
        return self._in_flight

    @property
    def started(self) -> int:
        return self._started

    @property
    def succeeded(self) -> int:
        return self._succeeded

    @property
    def failed(self) -> int:
        return self._failed

    @property
    def retries(self) -> int:
        return self._retries

    @property
    def responses_429(self) -> int:
        return self._429s

    @property
    def rate_limit_wait(self) -> float:
        return self._wait_total

    @property
    def cost(self) -> Decimal:
        """Dollars in the client's ledger (``client.ledger.total_cost``; ``reset()`` leaves it)."""
        return self._ledger_cost()

    def _ledger_cost(self) -> Decimal:
        return self._ledger.total_cost if self._ledger is not None else _ZERO

    def latency(self, fraction: float) -> float | None:
        """The ``fraction`` latency quantile of successful calls, in seconds."""
        with self._lock:
            latency = self._latency.copy()
        return latency.percentile(fraction)

    def __repr__(self) -> str:
        s = self.snapshot()
        return (f"<ClientStats in_flight={s.in_flight} succeeded={s.succeeded} failed={s.failed} "
                f"retries={s.retries} 429s={s.responses_429} p50={s.latency_p50} cost={s.cost}>")


def _with_latency(snap: StatsSnapshot, latency: LatencyHistogram) -> StatsSnapshot:
    return replace(snap, latency_p50=latency.percentile(0.5), latency_p95=latency.percentile(0.95))
