"""The beta ``function_call`` output item (``client.beta.responses``)."""

from __future__ import annotations

from gptkit.types.beta._agent import Agent, agent_before
from gptkit.types.responses.response_function_tool_call import ResponseFunctionToolCall

__all__ = ["Agent", "BetaResponseFunctionToolCall"]


@agent_before("async_")
class BetaResponseFunctionToolCall(ResponseFunctionToolCall):
    """``ResponseFunctionToolCall`` as the beta API sends it: a multi-agent response also names the agent
    that produced the item (``agent``, None for the coordinator's own)."""

    agent: Agent | None = None
