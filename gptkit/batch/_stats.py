"""Counters of a run, and the summary it ends with."""

from __future__ import annotations

import math
from array import array
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

__all__ = ["BatchSummary", "RunStats", "percentile", "summarize"]


def percentile(sorted_values: Any, q: float) -> float | None:
    """The ``q`` quantile (0..1) of already sorted values, nearest-rank; None when empty."""
    if not len(sorted_values):
        return None
    rank = max(1, math.ceil(q * len(sorted_values)))
    return float(sorted_values[rank - 1])


class RunStats:
    """Live counters, updated by the workers and read by the progress display."""

    def __init__(self, total: int, skipped: int) -> None:
        self.total = total
        self.skipped = skipped
        self.succeeded = 0
        self.failed = 0
        self.failed_by_class: Counter[str] = Counter()
        self.rate_limited = 0
        self.retries = 0
        self.prompt_tokens = 0
        self.completion_tokens = 0
        self.total_tokens = 0
        self.cost = Decimal(0)
        self.cost_known = 0
        self.in_flight = 0
        self.read = 0
        #: The most requests read from the input but not yet finished at any moment.
        self.max_pending = 0
        self.latencies = array("d")

    @property
    def finished(self) -> int:
        return self.succeeded + self.failed

    @property
    def done(self) -> int:
        return self.skipped + self.finished

    def add_usage(self, usage: Any, cost: Any) -> None:
        if usage is not None:
            # Chat and completions count prompt/completion tokens; the Responses API input/output.
            prompt = getattr(usage, "prompt_tokens", 0) or getattr(usage, "input_tokens", 0) or 0
            completion = getattr(usage, "completion_tokens", 0) or getattr(usage, "output_tokens", 0) or 0
            self.prompt_tokens += prompt
            self.completion_tokens += completion
            self.total_tokens += getattr(usage, "total_tokens", 0) or prompt + completion
        total = getattr(cost, "total", None)
        if isinstance(total, Decimal):
            self.cost += total
            self.cost_known += 1


@dataclass
class BatchSummary:
    """How a run ended: counts by outcome, tokens, cost and latency percentiles.

    ``not_done`` requests were neither answered nor failed (stopped by Ctrl-C, a signal, a
    budget or quota stop); running the same command again sends exactly those. ``stopped``
    says why the run ended early (None when it ran to the end). ``cost`` is None when no
    result carried a cost (unknown prices, or cost accounting not enabled).
    """

    total: int
    succeeded: int
    failed: int
    skipped: int
    not_done: int
    failed_by_class: dict[str, int]
    rate_limited: int
    retries: int
    prompt_tokens: int
    completion_tokens: int
    total_tokens: int
    cost: Decimal | None
    elapsed: float
    latency_p50: float | None
    latency_p95: float | None
    latency_p99: float | None
    output_path: str
    failures_path: str
    stopped: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def complete(self) -> bool:
        """True when every input request has a result or a failure record."""
        return self.not_done == 0

    @property
    def requests_per_second(self) -> float:
        return self.finished / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def finished(self) -> int:
        return self.succeeded + self.failed

    @property
    def exit_code(self) -> int:
        """The command line's exit status for this run (one table for every command, docs/cli.md):
        0 all succeeded, 1 complete with failures, 130 stopped by Ctrl-C or SIGTERM, 8 stopped
        early otherwise (budget, quota, a refused key, an expired or cancelled Batch API job).
        Stopped runs resume when run again."""
        from gptkit.cli._exit import EXIT

        if not self.complete:
            interrupted = (self.stopped or "").startswith("interrupted")
            return EXIT["interrupted"] if interrupted else EXIT["stopped"]
        return EXIT["error"] if self.failed else EXIT["ok"]

    def to_dict(self) -> dict[str, Any]:
        """The summary as JSON-compatible data (cost as a string, to keep it exact)."""
        data = {k: v for k, v in self.__dict__.items() if k != "extra"}
        data["cost"] = None if self.cost is None else str(self.cost)
        data["complete"] = self.complete
        data["requests_per_second"] = round(self.requests_per_second, 2)
        return data

    def table(self) -> str:
        """The summary as a small plain-text table."""
        def ms(value: float | None) -> str:
            return "-" if value is None else f"{value * 1000:.0f} ms"

        rows = [
            ("requests", f"{self.total}"),
            ("succeeded", f"{self.succeeded}"),
            ("failed", f"{self.failed}"),
        ]
        rows += [(f"  {name}", f"{count}") for name, count in sorted(self.failed_by_class.items())]
        rows += [
            ("done before (skipped)", f"{self.skipped}"),
            ("not done", f"{self.not_done}" + (f" ({self.stopped})" if self.stopped else "")),
            ("429s seen", f"{self.rate_limited}"),
            ("retries", f"{self.retries}"),
            ("tokens (prompt/completion)",
             f"{self.total_tokens} ({self.prompt_tokens}/{self.completion_tokens})"),
            ("cost", "-" if self.cost is None else f"${self.cost:.4f}"),
            ("elapsed", f"{self.elapsed:.1f} s ({self.requests_per_second:.1f} req/s)"),
            ("latency p50/p95/p99",
             f"{ms(self.latency_p50)} / {ms(self.latency_p95)} / {ms(self.latency_p99)}"),
            ("results", self.output_path),
            ("failures", self.failures_path),
        ]
        width = max(len(name) for name, _ in rows)
        return "\n".join(f"{name.ljust(width)}  {value}" for name, value in rows)


def summarize(stats: RunStats, *, elapsed: float, output_path: str, failures_path: str,
              stopped: str | None) -> BatchSummary:
    """The final ``BatchSummary`` of a run's counters."""
    latencies = sorted(stats.latencies)
    return BatchSummary(
        total=stats.total,
        succeeded=stats.succeeded,
        failed=stats.failed,
        skipped=stats.skipped,
        not_done=stats.total - stats.done,
        failed_by_class=dict(stats.failed_by_class),
        rate_limited=stats.rate_limited,
        retries=stats.retries,
        prompt_tokens=stats.prompt_tokens,
        completion_tokens=stats.completion_tokens,
        total_tokens=stats.total_tokens,
        cost=stats.cost if stats.cost_known else None,
        elapsed=elapsed,
        latency_p50=percentile(latencies, 0.50),
        latency_p95=percentile(latencies, 0.95),
        latency_p99=percentile(latencies, 0.99),
        output_path=output_path,
        failures_path=failures_path,
        stopped=stopped,
    )
