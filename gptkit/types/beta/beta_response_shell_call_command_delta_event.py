"""The beta ``response.shell_call_command.delta`` stream event (``client.beta.responses``)."""

from __future__ import annotations

from gptkit.types.beta._agent import Agent, agent_before
from gptkit.types.responses.response_shell_call_command_delta_event import ResponseShellCallCommandDeltaEvent

__all__ = ["Agent", "BetaResponseShellCallCommandDeltaEvent"]


@agent_before("obfuscation")
class BetaResponseShellCallCommandDeltaEvent(ResponseShellCallCommandDeltaEvent):
    """``ResponseShellCallCommandDeltaEvent`` as the beta API sends it: a multi-agent response also names
    the agent the event belongs to (``agent``, None for the coordinator's own)."""

    agent: Agent | None = None
