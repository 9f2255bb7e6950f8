"""The parameters of ``fine_tuning.jobs.list_events``."""

from __future__ import annotations

from typing_extensions import TypedDict

__all__ = ["JobListEventsParams"]


class JobListEventsParams(TypedDict, total=False):
    """Page with ``after`` (an event id) and ``limit``."""

    after: str
    limit: int
