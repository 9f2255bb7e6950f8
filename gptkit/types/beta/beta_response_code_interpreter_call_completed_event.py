"""The beta ``response.code_interpreter_call.completed`` stream event (``client.beta.responses``)."""

from __future__ import annotations

from gptkit.types.beta._agent import Agent
from gptkit.types.responses.response_code_interpreter_call_completed_event import (
    ResponseCodeInterpreterCallCompletedEvent,
)

__all__ = ["Agent", "BetaResponseCodeInterpreterCallCompletedEvent"]


class BetaResponseCodeInterpreterCallCompletedEvent(ResponseCodeInterpreterCallCompletedEvent):
    """``ResponseCodeInterpreterCallCompletedEvent`` as the beta API sends it: a multi-agent response also
    names the agent the event belongs to (``agent``, None for the coordinator's own)."""

    agent: Agent | None = None
