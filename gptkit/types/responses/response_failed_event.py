"""The ``response.failed`` stream event."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject
from gptkit.types.responses.response import Response

__all__ = ["ResponseFailedEvent"]


class ResponseFailedEvent(APIObject):
    """An event that is emitted when a response fails."""

    response: Response
    sequence_number: int = 0
    type: Literal["response.failed"] = "response.failed"
