"""The beta ``input_message`` output item (``client.beta.responses``)."""

from __future__ import annotations

from gptkit.types.beta._agent import Agent, agent_before
from gptkit.types.responses.response_input_message_item import ResponseInputMessageItem

__all__ = ["Agent", "BetaResponseInputMessageItem"]


@agent_before("status")
class BetaResponseInputMessageItem(ResponseInputMessageItem):
    """``ResponseInputMessageItem`` as the beta API sends it: a multi-agent response also names the agent
    that produced the item (``agent``, None for the coordinator's own)."""

    agent: Agent | None = None
