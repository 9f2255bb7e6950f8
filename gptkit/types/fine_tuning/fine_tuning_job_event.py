"""One event of a fine-tuning job (``fine_tuning.jobs.list_events``)."""

from __future__ import annotations

from typing import Any

from gptkit.types._base import ResponseObject

__all__ = ["FineTuningJobEvent"]


class FineTuningJobEvent(ResponseObject):
    """A message or metrics the job logged (``level``: info, warn or error)."""

    id: str
    created_at: int | None = None
    level: str | None = None
    message: str | None = None
    object: str = "fine_tuning.job.event"
    data: Any = None
    type: str | None = None
