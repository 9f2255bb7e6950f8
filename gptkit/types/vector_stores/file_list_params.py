"""The parameters of ``vector_stores.files.list``."""

from __future__ import annotations

from typing_extensions import TypedDict

__all__ = ["FileListParams"]


class FileListParams(TypedDict, total=False):
    """Page with ``after`` / ``before`` and ``limit``; ``filter`` by status; ``order``."""

    after: str
    before: str
    filter: str
    limit: int
    order: str
