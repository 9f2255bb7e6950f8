"""The beta ``compaction`` output item (``client.beta.responses``)."""

from __future__ import annotations

from gptkit.types.beta._agent import Agent, agent_before
from gptkit.types.responses.response_compaction_item import ResponseCompactionItem

__all__ = ["Agent", "BetaResponseCompactionItem"]


@agent_before("created_by")
class BetaResponseCompactionItem(ResponseCompactionItem):
    """``ResponseCompactionItem`` as the beta API sends it: a multi-agent response also names the agent
    that produced the item (``agent``, None for the coordinator's own)."""

    agent: Agent | None = None
