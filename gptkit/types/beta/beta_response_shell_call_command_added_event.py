"""The beta ``response.shell_call_command.added`` stream event (``client.beta.responses``)."""

from __future__ import annotations

from gptkit.types.beta._agent import Agent
from gptkit.types.responses.response_shell_call_command_added_event import ResponseShellCallCommandAddedEvent

__all__ = ["Agent", "BetaResponseShellCallCommandAddedEvent"]


class BetaResponseShellCallCommandAddedEvent(ResponseShellCallCommandAddedEvent):
    """``ResponseShellCallCommandAddedEvent`` as the beta API sends it: a multi-agent response also names
    the agent the event belongs to (``agent``, None for the coordinator's own)."""

    agent: Agent | None = None
