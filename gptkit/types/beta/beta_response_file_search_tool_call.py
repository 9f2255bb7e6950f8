"""The beta ``file_search_call`` output item (``client.beta.responses``)."""

from __future__ import annotations

from gptkit.types.beta._agent import Agent, agent_before
from gptkit.types.responses.response_file_search_tool_call import ResponseFileSearchToolCall

__all__ = ["Agent", "BetaResponseFileSearchToolCall"]


@agent_before("results")
class BetaResponseFileSearchToolCall(ResponseFileSearchToolCall):
    """``ResponseFileSearchToolCall`` as the beta API sends it: a multi-agent response also names the
    agent that produced the item (``agent``, None for the coordinator's own)."""

    agent: Agent | None = None
