"""The beta ``custom_tool_call`` output item (``client.beta.responses``)."""

from __future__ import annotations

from gptkit.types.beta._agent import Agent, agent_before
from gptkit.types.responses.response_custom_tool_call import ResponseCustomToolCall

__all__ = ["Agent", "BetaResponseCustomToolCall"]


@agent_before("async_")
class BetaResponseCustomToolCall(ResponseCustomToolCall):
    """``ResponseCustomToolCall`` as the beta API sends it: a multi-agent response also names the agent
    that produced the item (``agent``, None for the coordinator's own)."""

    agent: Agent | None = None
