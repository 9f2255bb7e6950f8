"""The parameters of ``fine_tuning.jobs.checkpoints.list``."""

from __future__ import annotations

from typing_extensions import TypedDict

__all__ = ["CheckpointListParams"]


class CheckpointListParams(TypedDict, total=False):
    """Page with ``after`` (a checkpoint id) and ``limit``."""

    after: str
    limit: int
