"""The parameters of ``files.list``."""

from __future__ import annotations

from typing import Literal

from typing_extensions import TypedDict

__all__ = ["FileListParams"]


class FileListParams(TypedDict, total=False):
    """A page of files: ``after`` a file id, at most ``limit``, in ``order``, of one ``purpose``."""

    after: str
    limit: int
    order: Literal["asc", "desc"]
    purpose: str
