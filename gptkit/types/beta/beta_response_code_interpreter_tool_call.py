"""The beta ``code_interpreter_call`` output item (``client.beta.responses``)."""

from __future__ import annotations

from gptkit.types.beta._agent import Agent
from gptkit.types.responses.response_code_interpreter_tool_call import ResponseCodeInterpreterToolCall

__all__ = ["Agent", "BetaResponseCodeInterpreterToolCall"]


class BetaResponseCodeInterpreterToolCall(ResponseCodeInterpreterToolCall):
    """``ResponseCodeInterpreterToolCall`` as the beta API sends it: a multi-agent response also names the
    agent that produced the item (``agent``, None for the coordinator's own)."""

    agent: Agent | None = None
