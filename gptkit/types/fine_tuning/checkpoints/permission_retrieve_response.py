"""What ``fine_tuning.checkpoints.permissions.retrieve`` answers: one page of permissions."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import ResponseObject
from gptkit.types.fine_tuning.checkpoints._permission import CheckpointPermission

__all__ = ["Data", "PermissionRetrieveResponse"]


class Data(CheckpointPermission):
    """The ``checkpoint.permission`` object: a project allowed to use the checkpoint."""


class PermissionRetrieveResponse(ResponseObject):
    """``data``: the permissions of the page; ``has_more``: whether another page follows."""

    data: list[Data]
    has_more: bool
    object: Literal["list"] = "list"
    first_id: str | None = None
    last_id: str | None = None
