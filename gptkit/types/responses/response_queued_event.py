"""The ``response.queued`` stream event."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject
from gptkit.types.responses.response import Response

__all__ = ["ResponseQueuedEvent"]


class ResponseQueuedEvent(APIObject):
    """Emitted when a response is queued and waiting to be processed."""

    response: Response
    sequence_number: int = 0
    type: Literal["response.queued"] = "response.queued"
