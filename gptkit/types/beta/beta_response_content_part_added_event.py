"""The beta ``response.content_part.added`` stream event (``client.beta.responses``)."""

from __future__ import annotations

from gptkit.types.beta._agent import Agent
from gptkit.types.beta._content import Part
from gptkit.types.responses.response_content_part_added_event import ResponseContentPartAddedEvent

__all__ = ["Agent", "BetaResponseContentPartAddedEvent"]


class BetaResponseContentPartAddedEvent(ResponseContentPartAddedEvent):
    """``ResponseContentPartAddedEvent`` as the beta API sends it: a multi-agent response also names the
    agent the event belongs to (``agent``, None for the coordinator's own)."""

    part: Part | None = None  # the parts under their beta names
    agent: Agent | None = None
