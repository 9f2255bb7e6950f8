"""What ``fine_tuning.checkpoints.permissions.delete`` answers."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import ResponseObject

__all__ = ["PermissionDeleteResponse"]


class PermissionDeleteResponse(ResponseObject):
    """The revoked permission's id and ``deleted=True``."""

    id: str
    deleted: bool
    object: Literal["checkpoint.permission"] = "checkpoint.permission"
