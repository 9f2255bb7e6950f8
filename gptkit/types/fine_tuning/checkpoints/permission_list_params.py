"""The parameters of ``fine_tuning.checkpoints.permissions.list``."""

from __future__ import annotations

from typing import Literal

from typing_extensions import TypedDict

__all__ = ["PermissionListParams"]


class PermissionListParams(TypedDict, total=False):
    """Page with ``after`` (a permission id) and ``limit``; ``order`` by creation; only
    ``project_id``'s permission."""

    after: str
    limit: int
    order: Literal["ascending", "descending"]
    project_id: str
