"""The beta ``computer_call`` output item (``client.beta.responses``)."""

from __future__ import annotations

from gptkit.types.beta._agent import Agent
from gptkit.types.responses.response_computer_tool_call import ResponseComputerToolCall

__all__ = ["Agent", "BetaResponseComputerToolCall"]


class BetaResponseComputerToolCall(ResponseComputerToolCall):
    """``ResponseComputerToolCall`` as the beta API sends it: a multi-agent response also names the agent
    that produced the item (``agent``, None for the coordinator's own)."""

    agent: Agent | None = None
