"""The ``checkpoint.permission`` object: a project allowed to use a fine-tuned checkpoint."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import ResponseObject

__all__ = ["CheckpointPermission"]


class CheckpointPermission(ResponseObject):
    """A permission's id, when it was granted, and the project it grants."""

    id: str
    created_at: int
    object: Literal["checkpoint.permission"] = "checkpoint.permission"
    project_id: str
