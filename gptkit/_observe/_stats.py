"""Live per-client counters for dashboards and the CLI: ``client.stats`` (sans-IO).

Updated by every call whether or not anyone listens, so each update is a few integer operations
under one lock; latency goes into a fixed log-bucket histogram (constant memory, percentiles
within about 4.5%).
"""

from __future__ import annotations

import math
import threading
from collections.abc import Mapping
from dataclasses import dataclass, replace
from decimal import Decimal
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gptkit._cost import Ledger

__all__ = ["ClientStats", "LatencyHistogram", "StatsSnapshot"]

_ZERO = Decimal(0)


class LatencyHistogram:
    """Durations in geometric buckets: 8 per doubling from 1 ms to about 5 hours.

    Memory is fixed (~180 counters) whatever the number of calls; a percentile is the geometric
    middle of its bucket, so within ``2**(1/16) - 1`` (~4.4%) of the truth.
    """

    _LOW = 1e-3
    _PER_DOUBLING = 8
    _BUCKETS = 8 * 24 + 2  # [0, 1ms), then 8 per doubling up to 2**24 ms, then overflow

    __slots__ = ("_counts", "count")

    def __init__(self) -> None:
        self._counts = [0] * self._BUCKETS
        self.count = 0

    def add(self, seconds: float) -> None:
        if seconds < self._LOW:
            index = 0
        else:
            index = min(int(math.log2(seconds / self._LOW) * self._PER_DOUBLING) + 1, self._BUCKETS - 1)
        self._counts[index] += 1
        self.count += 1

    def _bucket_value(self, index: int) -> float:
        if index == 0:
            return self._LOW / 2
        low = self._LOW * 2 ** ((index - 1) / self._PER_DOUBLING)
        return low * 2 ** (0.5 / self._PER_DOUBLING)

    def percentile(self, fraction: float) -> float | None:
        """The ``fraction`` quantile (0.5 for the median), or None before any duration."""
        if self.count == 0:
            return None
        rank = max(1, math.ceil(fraction * self.count))
        seen = 0
        for index, count in enumerate(self._counts):
            seen += count
            if seen >= rank:
                return self._bucket_value(index)
        return self._bucket_value(self._BUCKETS - 1)  # pragma: no cover - counts always add up

    def copy(self) -> LatencyHistogram:
        clone = LatencyHistogram()
        clone._counts = list(self._counts)
        clone.count = self.count
        return clone


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


class ClientStats:
    """Live counters of a client and of the ``with_options`` copies that share it.

    Read single values as properties (``client.stats.in_flight``) or take a consistent
    ``snapshot()``. Safe across threads and tasks; ``reset()`` zeroes everything but the calls
    still in flight and the cost, which is the ledger's (``client.ledger.reset()`` zeroes it).
    """

    def __init__(self, ledger: Ledger | None = None) -> None:
        self._lock = threading.Lock()
        self._ledger = ledger
        self._zero()
        self._in_flight = 0

    def _zero(self) -> None:
        self._started = 0
        self._succeeded = 0
        self._failed = 0
        self._errors: dict[str, int] = {}
        self._retries = 0
        self._429s = 0
        self._waits = 0
        self._wait_total = 0.0
        self._latency = LatencyHistogram()

    # -- updates (called by gptkit._observe._trace) -------------------------------------------------

    def on_start(self) -> None:
        with self._lock:
            self._started += 1
            self._in_flight += 1

    def on_success(self, duration: float) -> None:
        with self._lock:
            self._in_flight -= 1
            self._succeeded += 1
            self._latency.add(duration)

    def on_close(self) -> None:
        """A stream was abandoned: no longer in flight, but neither a success nor an error."""
        with self._lock:
            self._in_flight -= 1

    def on_failure(self, error_type: str) -> None:
        with self._lock:
            self._in_flight -= 1
            self._failed += 1
            self._errors[error_type] = self._errors.get(error_type, 0) + 1

    def on_retry(self) -> None:
        with self._lock:
            self._retries += 1

    def on_429(self) -> None:
        with self._lock:
            self._429s += 1

    def on_wait(self, seconds: float) -> None:
        with self._lock:
            self._waits += 1
            self._wait_total += seconds

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
