"""The ``response.created`` stream event."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject
from gptkit.types.responses.response import Response

__all__ = ["ResponseCreatedEvent"]


class ResponseCreatedEvent(APIObject):
    """An event that is emitted when a response is created."""

    response: Response
    sequence_number: int = 0
    type: Literal["response.created"] = "response.created"
