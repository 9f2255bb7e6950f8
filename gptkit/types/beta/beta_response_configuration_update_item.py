"""The beta ``configuration_update`` output item (``client.beta.responses``)."""

from __future__ import annotations

from gptkit.types.beta._agent import Agent, agent_before
from gptkit.types.responses.response_configuration_update_item import ResponseConfigurationUpdateItem

__all__ = ["Agent", "BetaResponseConfigurationUpdateItem"]


@agent_before("reasoning")
class BetaResponseConfigurationUpdateItem(ResponseConfigurationUpdateItem):
    """``ResponseConfigurationUpdateItem`` as the beta API sends it: a multi-agent response also names the
    agent that produced the item (``agent``, None for the coordinator's own)."""

    agent: Agent | None = None
