"""The beta ``shell_call`` output item (``client.beta.responses``)."""

from __future__ import annotations

from gptkit.types.beta._agent import Agent, agent_before
from gptkit.types.responses.response_function_shell_tool_call import ResponseFunctionShellToolCall

__all__ = ["Agent", "BetaResponseFunctionShellToolCall"]


@agent_before("caller")
class BetaResponseFunctionShellToolCall(ResponseFunctionShellToolCall):
    """``ResponseFunctionShellToolCall`` as the beta API sends it: a multi-agent response also names the
    agent that produced the item (``agent``, None for the coordinator's own)."""

    agent: Agent | None = None
