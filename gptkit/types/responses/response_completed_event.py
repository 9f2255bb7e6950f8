"""The ``response.completed`` stream event."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject
from gptkit.types.responses.response import Response

__all__ = ["ResponseCompletedEvent"]


class ResponseCompletedEvent(APIObject):
    """Emitted when the model response is complete."""

    response: Response
    sequence_number: int = 0
    type: Literal["response.completed"] = "response.completed"
