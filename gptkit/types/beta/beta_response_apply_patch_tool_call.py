"""The beta ``apply_patch_call`` output item (``client.beta.responses``)."""

from __future__ import annotations

from gptkit.types.beta._agent import Agent, agent_before
from gptkit.types.responses.response_apply_patch_tool_call import ResponseApplyPatchToolCall

__all__ = ["Agent", "BetaResponseApplyPatchToolCall"]


@agent_before("caller")
class BetaResponseApplyPatchToolCall(ResponseApplyPatchToolCall):
    """``ResponseApplyPatchToolCall`` as the beta API sends it: a multi-agent response also names the
    agent that produced the item (``agent``, None for the coordinator's own)."""

    agent: Agent | None = None
