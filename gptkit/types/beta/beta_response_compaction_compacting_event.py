"""The beta ``response.compaction.compacting`` stream event (``client.beta.responses``)."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject
from gptkit.types.beta._agent import Agent

__all__ = ["Agent", "BetaResponseCompactionCompactingEvent"]


class BetaResponseCompactionCompactingEvent(APIObject):
    """Emitted while a compaction item's summary is sampled (the event carries no summary)."""

    item_id: str = ""
    output_index: int = 0
    sequence_number: int = 0
    type: Literal["response.compaction.compacting"] = "response.compaction.compacting"
    agent: Agent | None = None
