"""The ``error`` stream event."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject

__all__ = ["ResponseErrorEvent"]


class ResponseErrorEvent(APIObject):
    """Emitted when an error occurs."""

    code: str | None = None
    message: str = ""
    param: str | None = None
    sequence_number: int = 0
    type: Literal["error"] = "error"
