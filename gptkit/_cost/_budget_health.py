"""What ``RedisBudget`` asks Redis about itself: is it fit to keep money, and what happened.

At its first contact a budget reads ``INFO`` once: it warns when Redis may evict the budget
(an ``allkeys-*`` ``maxmemory-policy``), and keeps a few counters. When the budget's state
later turns out lost, the counters then and now name the likely cause: the server restarted
(its ``run_id`` changed), evicted keys, or ran ``FLUSHDB`` / ``FLUSHALL``. ``INFO`` may be
forbidden (managed Redis, ACLs): then the budget still refuses, with the cause ``deleted``
and the words "Redis did not say why".

Also the report of a process that exits owing settlements it could not write.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

__all__ = ["Snapshot", "explain", "report_unwritten", "snapshot_of", "warn_if_unfit"]

logger = logging.getLogger("gptkit")


@dataclass(frozen=True)
class Snapshot:
    """The ``INFO`` numbers that tell what happened to a budget's keys between two moments."""

    run_id: str
    evicted_keys: int
    flushes: int
    maxmemory_policy: str
    aof_enabled: bool


def _calls(info: Mapping[str, Any], command: str) -> int:
    stat = info.get(f"cmdstat_{command}")
    return int(stat.get("calls", 0)) if isinstance(stat, Mapping) else 0


def snapshot_of(info: Any) -> Snapshot | None:
    """The numbers of an ``INFO all`` answer (None when there was none)."""
    if not isinstance(info, Mapping) or "run_id" not in info:
        return None
    return Snapshot(
        run_id=str(info["run_id"]),
        evicted_keys=int(info.get("evicted_keys", 0) or 0),
        flushes=_calls(info, "flushdb") + _calls(info, "flushall"),
        maxmemory_policy=str(info.get("maxmemory_policy", "")),
        aof_enabled=bool(int(info.get("aof_enabled", 0) or 0)),
    )


def warn_if_unfit(name: str, where: str, now: Snapshot | None) -> None:
    """Say so when this Redis may lose the budget's state (docs/costs.md: running Redis)."""
    if now is None:
        return
    if now.maxmemory_policy.startswith("allkeys"):
        logger.warning(
            "RedisBudget %r: Redis at %s may evict the budget's keys under memory pressure "
            "(maxmemory-policy %s); give budgets a Redis with maxmemory-policy noeviction",
            name, where, now.maxmemory_policy,
        )
    if not now.aof_enabled:
        logger.info("RedisBudget %r: Redis at %s has no append-only file: a restart loses what was "
                    "spent since its last snapshot (appendonly yes keeps it)", name, where)


def explain(status: str, before: Snapshot | None, now: Snapshot | None) -> tuple[str, str]:
    """(cause, what happened, in words) for a lost state: ``status`` is the script's answer."""
    if status == "replaced":
        return "replaced", ("was created again, empty, by a process that never saw it before, after "
                            "the state this process knew vanished")
    restarted = before is not None and now is not None and now.run_id != before.run_id
    if status == "rollback":
        why = "Redis restarted from an older copy" if restarted else (
            "Redis came back from an older copy (a failover to a replica that was behind?)")
        return "rollback", f"went back in time ({why}): spending recorded since is missing"
    if before is None or now is None:
        return "deleted", "is gone from Redis (Redis did not say why: INFO is not allowed)"
    if restarted:
        return "restart", ("is gone: Redis restarted without keeping it (run it with persistence: "
                           "appendonly yes)")
    if now.evicted_keys > before.evicted_keys:
        return "eviction", (f"is gone: Redis evicted keys under memory pressure (maxmemory-policy "
                            f"{now.maxmemory_policy or '?'}; use noeviction)")
    if now.flushes > before.flushes:
        return "flush", "is gone: FLUSHDB or FLUSHALL ran on Redis"
    return "deleted", "is gone: its keys were deleted (DEL, UNLINK or an expiry set by hand)"


def report_unwritten(name: str, where: str, key: str, count: int, dollars: Decimal, nanos: int) -> None:
    """A process ends owing settlements Redis never got: say so where it will be seen."""
    message = (
        f"gptkit: RedisBudget {name!r}: {count} settlement(s) of calls that ran could not be written to "
        f"Redis at {where} before exit; ${dollars} of spending is missing from the shared budget. "
        f"Add it by hand once Redis answers: HINCRBY '{key}' spent {nanos}"
    )
    logger.error("%s", message)
    print(message, file=sys.stderr)
