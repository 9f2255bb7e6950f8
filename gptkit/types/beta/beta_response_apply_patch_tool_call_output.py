"""The beta ``apply_patch_call_output`` output item (``client.beta.responses``)."""

from __future__ import annotations

from gptkit.types.beta._agent import Agent, agent_before
from gptkit.types.responses.response_apply_patch_tool_call_output import ResponseApplyPatchToolCallOutput

__all__ = ["Agent", "BetaResponseApplyPatchToolCallOutput"]


@agent_before("caller")
class BetaResponseApplyPatchToolCallOutput(ResponseApplyPatchToolCallOutput):
    """``ResponseApplyPatchToolCallOutput`` as the beta API sends it: a multi-agent response also names
    the agent that produced the item (``agent``, None for the coordinator's own)."""

    agent: Agent | None = None
