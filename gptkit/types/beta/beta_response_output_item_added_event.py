"""The beta ``response.output_item.added`` stream event (``client.beta.responses``)."""

from __future__ import annotations

from gptkit.types.beta._agent import Agent
from gptkit.types.beta.beta_response_output_item import BetaResponseOutputItem
from gptkit.types.responses.response_output_item_added_event import ResponseOutputItemAddedEvent

__all__ = ["Agent", "BetaResponseOutputItemAddedEvent"]


class BetaResponseOutputItemAddedEvent(ResponseOutputItemAddedEvent):
    """``ResponseOutputItemAddedEvent`` as the beta API sends it: a multi-agent response also names the
    agent the event belongs to (``agent``, None for the coordinator's own)."""

    item: BetaResponseOutputItem  # type: ignore[assignment]  # the beta twin of the GA item
    agent: Agent | None = None
