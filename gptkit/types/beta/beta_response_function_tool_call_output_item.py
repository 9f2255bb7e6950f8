"""The beta ``function_call_output`` output item (``client.beta.responses``)."""

from __future__ import annotations

from gptkit.types.beta._agent import Agent, agent_before
from gptkit.types.responses.response_function_tool_call_output_item import ResponseFunctionToolCallOutputItem

__all__ = ["Agent", "BetaResponseFunctionToolCallOutputItem"]


@agent_before("call_id")
class BetaResponseFunctionToolCallOutputItem(ResponseFunctionToolCallOutputItem):
    """``ResponseFunctionToolCallOutputItem`` as the beta API sends it: a multi-agent response also names
    the agent that produced the item (``agent``, None for the coordinator's own)."""

    agent: Agent | None = None
