"""``FileDeleted``: the answer to ``files.delete``."""

from __future__ import annotations

from gptkit.types._base import ResponseObject

__all__ = ["FileDeleted"]


class FileDeleted(ResponseObject):
    """Which file was deleted, and whether it was."""

    id: str
    deleted: bool = False
    object: str = "file"
