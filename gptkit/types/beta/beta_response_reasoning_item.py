"""The beta ``reasoning`` output item (``client.beta.responses``)."""

from __future__ import annotations

from gptkit.types.beta._agent import Agent, agent_before
from gptkit.types.responses.response_reasoning_item import ResponseReasoningItem

__all__ = ["Agent", "BetaResponseReasoningItem"]


@agent_before("content")
class BetaResponseReasoningItem(ResponseReasoningItem):
    """``ResponseReasoningItem`` as the beta API sends it: a multi-agent response also names the agent
    that produced the item (``agent``, None for the coordinator's own)."""

    agent: Agent | None = None
