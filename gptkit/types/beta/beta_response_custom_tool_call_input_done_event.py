"""The beta ``response.custom_tool_call_input.done`` stream event (``client.beta.responses``)."""

from __future__ import annotations

from gptkit.types.beta._agent import Agent
from gptkit.types.responses.response_custom_tool_call_input_done_event import (
    ResponseCustomToolCallInputDoneEvent,
)

__all__ = ["Agent", "BetaResponseCustomToolCallInputDoneEvent"]


class BetaResponseCustomToolCallInputDoneEvent(ResponseCustomToolCallInputDoneEvent):
    """``ResponseCustomToolCallInputDoneEvent`` as the beta API sends it: a multi-agent response also
    names the agent the event belongs to (``agent``, None for the coordinator's own)."""

    agent: Agent | None = None
