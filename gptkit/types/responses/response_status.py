"""The statuses a response moves through."""

from __future__ import annotations

from typing import Literal, TypeAlias

__all__ = ["TERMINAL_STATUSES", "ResponseStatus"]

#: ``queued`` and ``in_progress`` (background responses) end in one of the four others.
ResponseStatus: TypeAlias = Literal["completed", "failed", "in_progress", "cancelled", "queued", "incomplete"]

#: Statuses a response never leaves.
TERMINAL_STATUSES = frozenset({"completed", "failed", "cancelled", "incomplete"})
