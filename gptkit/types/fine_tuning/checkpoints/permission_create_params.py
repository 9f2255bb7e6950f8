"""The parameters of ``fine_tuning.checkpoints.permissions.create``."""

from __future__ import annotations

from collections.abc import Sequence

from typing_extensions import Required, TypedDict

__all__ = ["PermissionCreateParams"]


class PermissionCreateParams(TypedDict, total=False):
    """The projects to share the checkpoint with."""

    project_ids: Required[Sequence[str]]
