"""An assistant message sent back as input (an earlier turn of the conversation)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal, TypeAlias

from pydantic import with_config
from typing_extensions import Required, TypedDict

from gptkit.types.responses._params_base import OPEN

__all__ = ["Content", "ResponseOutputMessageParam", "ResponseOutputRefusalParam", "ResponseOutputTextParam"]


@with_config(OPEN)
class ResponseOutputTextParam(TypedDict, total=False):
    """Text the model wrote earlier."""

    type: Required[Literal["output_text"]]
    text: Required[str]
    annotations: Sequence[Any]
    logprobs: Sequence[Any] | None


@with_config(OPEN)
class ResponseOutputRefusalParam(TypedDict, total=False):
    """A refusal the model wrote earlier."""

    type: Required[Literal["refusal"]]
    refusal: Required[str]


Content: TypeAlias = ResponseOutputTextParam | ResponseOutputRefusalParam


@with_config(OPEN)
class ResponseOutputMessageParam(TypedDict, total=False):
    """An assistant message as ``response.output`` returned it."""

    type: Required[Literal["message"]]
    id: Required[str]
    role: Required[Literal["assistant"]]
    content: Required[Sequence[Content]]
    status: Required[str]
    phase: str | None
