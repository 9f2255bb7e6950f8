"""The parameters of ``client.beta.responses.create``: ``responses.create``'s, and ``multi_agent``.

Checked before anything is sent, as the GA parameters are; ``betas`` is not a body parameter (it
becomes the ``OpenAI-Beta`` header), so it is a keyword of the method, not listed here.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, with_config
from typing_extensions import Required, TypedDict

from gptkit.types.responses._params_base import CLOSED, OPEN
from gptkit.types.responses.response_create_params import ResponseCreateArgs

__all__ = ["BetaResponseCreateArgs", "MultiAgent", "ResponseCreateParams"]


@with_config(OPEN)
class MultiAgent(TypedDict, total=False):
    """Multi-agent orchestration: the model may delegate to sub-agents (needs
    ``betas=["responses_multi_agent=v1"]``)."""

    enabled: Required[bool]
    max_concurrent_subagents: Annotated[int, Field(ge=1)]


@with_config(CLOSED)
class BetaResponseCreateArgs(ResponseCreateArgs, total=False):
    """Every wire parameter of ``beta.responses.create`` except ``stream``."""

    multi_agent: MultiAgent | None


@with_config(CLOSED)
class ResponseCreateParams(BetaResponseCreateArgs, total=False):
    """Every wire parameter of ``beta.responses.create``, ``stream`` included."""

    stream: bool | None
