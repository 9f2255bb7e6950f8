"""The beta ``response.shell_call_output_content.done`` stream event (``client.beta.responses``)."""

from __future__ import annotations

from gptkit.types.beta._agent import Agent
from gptkit.types.responses.response_shell_call_output_content_done_event import (
    ResponseShellCallOutputContentDoneEvent,
)

__all__ = ["Agent", "BetaResponseShellCallOutputContentDoneEvent"]


class BetaResponseShellCallOutputContentDoneEvent(ResponseShellCallOutputContentDoneEvent):
    """``ResponseShellCallOutputContentDoneEvent`` as the beta API sends it: a multi-agent response also
    names the agent the event belongs to (``agent``, None for the coordinator's own)."""

    agent: Agent | None = None
