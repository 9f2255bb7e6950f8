"""The parameters of the legacy ``completions.create``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Annotated, Literal, TypeAlias

from pydantic import Field, with_config
from typing_extensions import Required, TypedDict

from gptkit.types._base import CLOSED_PARAMS
from gptkit.types.chat.chat_completion_stream_options_param import ChatCompletionStreamOptionsParam

__all__ = [
    "CompletionCreateArgs",
    "CompletionCreateParams",
    "CompletionCreateParamsBase",
    "CompletionCreateParamsNonStreaming",
    "CompletionCreateParamsStreaming",
    "TextCompletionCreateParams",
]

_Penalty = Annotated[float, Field(ge=-2.0, le=2.0)]
_Prompt = str | Sequence[str] | Sequence[int] | Sequence[Sequence[int]]


@with_config(CLOSED_PARAMS)
class CompletionCreateArgs(TypedDict, total=False):
    """Every wire parameter of a text completion except ``stream``."""

    model: Required[Annotated[str, Field(min_length=1)]]
    prompt: Required[_Prompt | None]
    best_of: Annotated[int, Field(ge=1, le=20)] | None
    echo: bool | None
    frequency_penalty: _Penalty | None
    logit_bias: Mapping[str, Annotated[int, Field(ge=-100, le=100)]] | None
    logprobs: Annotated[int, Field(ge=0, le=5)] | None
    max_tokens: Annotated[int, Field(ge=0)] | None
    n: Annotated[int, Field(ge=1, le=128)] | None
    presence_penalty: _Penalty | None
    seed: int | None
    stop: str | Sequence[str] | None
    stream_options: ChatCompletionStreamOptionsParam | None
    suffix: str | None
    temperature: Annotated[float, Field(ge=0.0, le=2.0)] | None
    top_p: Annotated[float, Field(ge=0.0, le=1.0)] | None
    user: str


#: The official name of ``CompletionCreateArgs``.
CompletionCreateParamsBase = CompletionCreateArgs


@with_config(CLOSED_PARAMS)
class CompletionCreateParamsNonStreaming(CompletionCreateArgs, total=False):
    """The parameters of a text completion returned whole."""

    stream: Literal[False] | None


@with_config(CLOSED_PARAMS)
class CompletionCreateParamsStreaming(CompletionCreateArgs):
    """The parameters of a streamed text completion."""

    stream: Required[Literal[True]]


#: The official name is a union of the two; gptkit validates ``stream`` as a plain bool.
CompletionCreateParams: TypeAlias = CompletionCreateParamsNonStreaming | CompletionCreateParamsStreaming


@with_config(CLOSED_PARAMS)
class TextCompletionCreateParams(CompletionCreateArgs, total=False):
    """Every wire parameter, ``stream`` as a plain bool: what ``completions.create`` validates."""

    stream: bool | None
