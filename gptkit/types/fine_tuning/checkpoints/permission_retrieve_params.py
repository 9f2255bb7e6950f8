"""The parameters of ``fine_tuning.checkpoints.permissions.retrieve``."""

from __future__ import annotations

from gptkit.types.fine_tuning.checkpoints.permission_list_params import PermissionListParams

__all__ = ["PermissionRetrieveParams"]


class PermissionRetrieveParams(PermissionListParams, total=False):
    """Page with ``after`` (a permission id) and ``limit``; ``order`` by creation; only
    ``project_id``'s permission (``list``'s parameters)."""
