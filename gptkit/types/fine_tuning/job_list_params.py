"""The parameters of ``fine_tuning.jobs.list``."""

from __future__ import annotations

from collections.abc import Mapping

from typing_extensions import TypedDict

__all__ = ["JobListParams"]


class JobListParams(TypedDict, total=False):
    """Page with ``after`` (a job id) and ``limit``; filter by ``metadata``."""

    after: str
    limit: int
    metadata: Mapping[str, str] | None
