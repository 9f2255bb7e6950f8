"""``BatchError``: why a batch (or one of its input lines) was rejected."""

from __future__ import annotations

from gptkit.types._base import APIObject

__all__ = ["BatchError"]


class BatchError(APIObject):
    """An error code and message, with the parameter and input line it concerns."""

    code: str | None = None
    line: int | None = None
    message: str | None = None
    param: str | None = None
