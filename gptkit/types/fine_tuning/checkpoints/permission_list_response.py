"""A permission as ``fine_tuning.checkpoints.permissions.list`` pages it."""

from __future__ import annotations

from gptkit.types.fine_tuning.checkpoints._permission import CheckpointPermission

__all__ = ["PermissionListResponse"]


class PermissionListResponse(CheckpointPermission):
    """The ``checkpoint.permission`` object: a project allowed to use the checkpoint."""
