"""The ``error`` stream event."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject

__all__ = ["ResponseErrorEvent"]


class ResponseErrorEvent(APIObject):
    """Emitted when an error occurs."""

    type: Literal["error"] = "error"
    sequence_number: int = 0
    code: str | None = None
    message: str = ""
    param: str | None = None
