"""The beta ``response.shell_call_command.done`` stream event (``client.beta.responses``)."""

from __future__ import annotations

from gptkit.types.beta._agent import Agent
from gptkit.types.responses.response_shell_call_command_done_event import ResponseShellCallCommandDoneEvent

__all__ = ["Agent", "BetaResponseShellCallCommandDoneEvent"]


class BetaResponseShellCallCommandDoneEvent(ResponseShellCallCommandDoneEvent):
    """``ResponseShellCallCommandDoneEvent`` as the beta API sends it: a multi-agent response also names
    the agent the event belongs to (``agent``, None for the coordinator's own)."""

    agent: Agent | None = None
