"""The beta ``computer_call_output`` output item (``client.beta.responses``)."""

from __future__ import annotations

from gptkit.types.beta._agent import Agent, agent_before
from gptkit.types.responses.response_computer_tool_call_output_item import ResponseComputerToolCallOutputItem

__all__ = ["Agent", "BetaResponseComputerToolCallOutputItem"]


@agent_before("created_by")
class BetaResponseComputerToolCallOutputItem(ResponseComputerToolCallOutputItem):
    """``ResponseComputerToolCallOutputItem`` as the beta API sends it: a multi-agent response also names
    the agent that produced the item (``agent``, None for the coordinator's own)."""

    agent: Agent | None = None
