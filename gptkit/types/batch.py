"""``Batch``: a job of the provider's Batch API.

gptkit also keeps here ``BatchList`` (``SyncCursorPage[Batch]``, what ``batches.list``
returns), ``BATCH_TERMINAL_STATUSES``, ``BatchErrors`` (the official ``batch.Errors``), and, for
imports written before, the batch types that moved to their official modules.
"""

from __future__ import annotations

from gptkit.pagination import SyncCursorPage
from gptkit.types._base import APIObject, ResponseObject
from gptkit.types.batch_create_params import BatchCreateParams
from gptkit.types.batch_error import BatchError
from gptkit.types.batch_request_counts import BatchRequestCounts
from gptkit.types.batch_usage import BatchUsage

__all__ = [
    "BATCH_TERMINAL_STATUSES",
    "Batch",
    "BatchCreateParams",
    "BatchError",
    "BatchErrors",
    "BatchList",
    "BatchRequestCounts",
    "Errors",
]

#: Statuses after which a batch never changes again.
BATCH_TERMINAL_STATUSES = frozenset({"completed", "failed", "expired", "cancelled"})


class Errors(APIObject):
    """The list of a batch's validation errors."""

    data: list[BatchError] | None = None
    object: str | None = None


#: gptkit's earlier name of ``Errors``.
BatchErrors = Errors


class Batch(ResponseObject):
    """A Batch API job: its status, files and request counts.

    ``status`` is one of ``validating``, ``failed``, ``in_progress``, ``finalizing``,
    ``completed``, ``expired``, ``cancelling`` and ``cancelled`` (a plain string, so a new
    status never breaks parsing).
    """

    id: str
    completion_window: str | None = None
    created_at: int | None = None
    endpoint: str | None = None
    input_file_id: str | None = None
    object: str = "batch"
    status: str = "validating"
    cancelled_at: int | None = None
    cancelling_at: int | None = None
    completed_at: int | None = None
    error_file_id: str | None = None
    errors: Errors | None = None
    expired_at: int | None = None
    expires_at: int | None = None
    failed_at: int | None = None
    finalizing_at: int | None = None
    in_progress_at: int | None = None
    metadata: dict[str, str] | None = None
    model: str | None = None
    output_file_id: str | None = None
    request_counts: BatchRequestCounts | None = None
    usage: BatchUsage | None = None

    @property
    def is_done(self) -> bool:
        """True once the batch can no longer change (completed, failed, expired or cancelled)."""
        return self.status in BATCH_TERMINAL_STATUSES


#: What ``batches.list()`` returns (the older name of ``SyncCursorPage[Batch]``).
BatchList = SyncCursorPage[Batch]
