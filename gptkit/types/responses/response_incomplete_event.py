"""The ``response.incomplete`` stream event."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject
from gptkit.types.responses.response import Response

__all__ = ["ResponseIncompleteEvent"]


class ResponseIncompleteEvent(APIObject):
    """An event that is emitted when a response finishes as incomplete."""

    response: Response
    sequence_number: int = 0
    type: Literal["response.incomplete"] = "response.incomplete"
