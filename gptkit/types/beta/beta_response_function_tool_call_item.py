"""The beta ``function_call`` output item (``client.beta.responses``)."""

from __future__ import annotations

from gptkit.types.beta._agent import Agent, agent_before
from gptkit.types.responses.response_function_tool_call_item import ResponseFunctionToolCallItem

__all__ = ["Agent", "BetaResponseFunctionToolCallItem"]


@agent_before("async_")
class BetaResponseFunctionToolCallItem(ResponseFunctionToolCallItem):
    """``ResponseFunctionToolCallItem`` as the beta API sends it: a multi-agent response also names the
    agent that produced the item (``agent``, None for the coordinator's own)."""

    agent: Agent | None = None
