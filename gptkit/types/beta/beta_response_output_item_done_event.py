"""The beta ``response.output_item.done`` stream event (``client.beta.responses``)."""

from __future__ import annotations

from gptkit.types.beta._agent import Agent
from gptkit.types.beta.beta_response_output_item import BetaResponseOutputItem
from gptkit.types.responses.response_output_item_done_event import ResponseOutputItemDoneEvent

__all__ = ["Agent", "BetaResponseOutputItemDoneEvent"]


class BetaResponseOutputItemDoneEvent(ResponseOutputItemDoneEvent):
    """``ResponseOutputItemDoneEvent`` as the beta API sends it: a multi-agent response also names the
    agent the event belongs to (``agent``, None for the coordinator's own)."""

    item: BetaResponseOutputItem  # type: ignore[assignment]  # the beta twin of the GA item
    agent: Agent | None = None
