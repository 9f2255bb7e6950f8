"""The beta ``response.shell_call_output_content.delta`` stream event (``client.beta.responses``)."""

from __future__ import annotations

from gptkit.types.beta._agent import Agent
from gptkit.types.responses.response_shell_call_output_content_delta_event import (
    ResponseShellCallOutputContentDeltaEvent,
)

__all__ = ["Agent", "BetaResponseShellCallOutputContentDeltaEvent"]


class BetaResponseShellCallOutputContentDeltaEvent(ResponseShellCallOutputContentDeltaEvent):
    """``ResponseShellCallOutputContentDeltaEvent`` as the beta API sends it: a multi-agent response also
    names the agent the event belongs to (``agent``, None for the coordinator's own)."""

    agent: Agent | None = None
