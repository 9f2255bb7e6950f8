"""The beta ``tool_search_call`` output item (``client.beta.responses``)."""

from __future__ import annotations

from gptkit.types.beta._agent import Agent, agent_before
from gptkit.types.responses.response_tool_search_call import ResponseToolSearchCall

__all__ = ["Agent", "BetaResponseToolSearchCall"]


@agent_before("created_by")
class BetaResponseToolSearchCall(ResponseToolSearchCall):
    """``ResponseToolSearchCall`` as the beta API sends it: a multi-agent response also names the agent
    that produced the item (``agent``, None for the coordinator's own)."""

    agent: Agent | None = None
