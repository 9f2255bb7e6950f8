"""The ``response.in_progress`` stream event."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject
from gptkit.types.responses.response import Response

__all__ = ["ResponseInProgressEvent"]


class ResponseInProgressEvent(APIObject):
    """Emitted when the response is in progress."""

    response: Response
    sequence_number: int = 0
    type: Literal["response.in_progress"] = "response.in_progress"
