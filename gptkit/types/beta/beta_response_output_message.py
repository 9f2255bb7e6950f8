"""The beta ``message`` output item (``client.beta.responses``)."""

from __future__ import annotations

from gptkit.types.beta._agent import Agent, agent_before
from gptkit.types.beta._content import Content
from gptkit.types.responses.response_output_message import ResponseOutputMessage

__all__ = ["Agent", "BetaResponseOutputMessage"]


@agent_before("phase")
class BetaResponseOutputMessage(ResponseOutputMessage):
    """``ResponseOutputMessage`` as the beta API sends it: a multi-agent response also names the agent
    that produced the item (``agent``, None for the coordinator's own)."""

    content: list[Content] = []  # type: ignore[assignment]  # the parts under their beta names
    agent: Agent | None = None
