"""The beta ``response.code_interpreter_call.interpreting`` stream event (``client.beta.responses``)."""

from __future__ import annotations

from gptkit.types.beta._agent import Agent
from gptkit.types.responses.response_code_interpreter_call_interpreting_event import (
    ResponseCodeInterpreterCallInterpretingEvent,
)

__all__ = ["Agent", "BetaResponseCodeInterpreterCallInterpretingEvent"]


class BetaResponseCodeInterpreterCallInterpretingEvent(ResponseCodeInterpreterCallInterpretingEvent):
    """``ResponseCodeInterpreterCallInterpretingEvent`` as the beta API sends it: a multi-agent response
    also names the agent the event belongs to (``agent``, None for the coordinator's own)."""

    agent: Agent | None = None
