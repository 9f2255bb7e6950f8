"""A permission as ``fine_tuning.checkpoints.permissions.create`` pages it."""

from __future__ import annotations

from gptkit.types.fine_tuning.checkpoints._permission import CheckpointPermission

__all__ = ["PermissionCreateResponse"]


class PermissionCreateResponse(CheckpointPermission):
    """The ``checkpoint.permission`` object: a project allowed to use the checkpoint."""
