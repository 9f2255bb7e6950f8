"""The beta ``response.output_text.annotation.added`` stream event (``client.beta.responses``)."""

from __future__ import annotations

from gptkit.types.beta._agent import Agent
from gptkit.types.responses.response_output_text_annotation_added_event import (
    ResponseOutputTextAnnotationAddedEvent,
)

__all__ = ["Agent", "BetaResponseOutputTextAnnotationAddedEvent"]


class BetaResponseOutputTextAnnotationAddedEvent(ResponseOutputTextAnnotationAddedEvent):
    """``ResponseOutputTextAnnotationAddedEvent`` as the beta API sends it: a multi-agent response also
    names the agent the event belongs to (``agent``, None for the coordinator's own)."""

    agent: Agent | None = None
