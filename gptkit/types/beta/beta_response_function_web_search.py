"""The beta ``web_search_call`` output item (``client.beta.responses``)."""

from __future__ import annotations

from gptkit.types.beta._agent import Agent
from gptkit.types.responses.response_function_web_search import ResponseFunctionWebSearch

__all__ = ["Agent", "BetaResponseFunctionWebSearch"]


class BetaResponseFunctionWebSearch(ResponseFunctionWebSearch):
    """``ResponseFunctionWebSearch`` as the beta API sends it: a multi-agent response also names the agent
    that produced the item (``agent``, None for the coordinator's own)."""

    agent: Agent | None = None
