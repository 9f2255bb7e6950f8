"""Batches: jobs of the provider's Batch API, and the parameters that create them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from typing_extensions import Required, TypedDict

from gptkit.pagination import SyncCursorPage
from gptkit.types._base import APIObject, ResponseObject

__all__ = [
    "BATCH_TERMINAL_STATUSES",
    "Batch",
    "BatchCreateParams",
    "BatchError",
    "BatchErrors",
    "BatchList",
    "BatchRequestCounts",
]

#: Statuses after which a batch never changes again.
BATCH_TERMINAL_STATUSES = frozenset({"completed", "failed", "expired", "cancelled"})


class BatchRequestCounts(APIObject):
    """How many requests of a batch are done, and how many of those failed."""

    total: int = 0
    completed: int = 0
    failed: int = 0


class BatchError(APIObject):
    """Why a batch (or one of its input lines) was rejected."""

    code: str | None = None
    message: str | None = None
    param: str | None = None
    line: int | None = None


class BatchErrors(APIObject):
    """The list of a batch's validation errors."""

    object: str = "list"
    data: list[BatchError] = []


class Batch(ResponseObject):
    """A Batch API job: its status, files and request counts.

    ``status`` is one of ``validating``, ``failed``, ``in_progress``, ``finalizing``,
    ``completed``, ``expired``, ``cancelling`` and ``cancelled`` (a plain string, so a new
    status never breaks parsing).
    """

    id: str
    object: str = "batch"
    endpoint: str | None = None
    model: str | None = None
    errors: BatchErrors | None = None
    input_file_id: str | None = None
    completion_window: str | None = None
    status: str = "validating"
    output_file_id: str | None = None
    error_file_id: str | None = None
    created_at: int | None = None
    in_progress_at: int | None = None
    expires_at: int | None = None
    finalizing_at: int | None = None
    completed_at: int | None = None
    failed_at: int | None = None
    expired_at: int | None = None
    cancelling_at: int | None = None
    cancelled_at: int | None = None
    request_counts: BatchRequestCounts | None = None
    metadata: dict[str, str] | None = None

    @property
    def is_done(self) -> bool:
        """True once the batch can no longer change (completed, failed, expired or cancelled)."""
        return self.status in BATCH_TERMINAL_STATUSES


#: What ``batches.list()`` returns (the older name of ``SyncCursorPage[Batch]``).
BatchList = SyncCursorPage[Batch]


class BatchCreateParams(TypedDict, total=False):
    """The parameters of ``batches.create``."""

    input_file_id: Required[str]
    endpoint: Required[Literal["/v1/chat/completions", "/v1/embeddings", "/v1/completions",
                               "/v1/responses", "/v1/moderations"]]
    completion_window: Required[str]
    metadata: Mapping[str, str]
