"""The parameters of the legacy ``completions.create`` and of ``embeddings.create``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Annotated, Literal

from pydantic import ConfigDict, Field, with_config
from typing_extensions import Required, TypedDict

from gptkit.types.chat_params import ChatCompletionStreamOptionsParam

__all__ = [
    "CompletionCreateArgs",
    "CompletionCreateParams",
    "EmbeddingCreateParams",
]

_CLOSED = ConfigDict(extra="forbid")
_Penalty = Annotated[float, Field(ge=-2.0, le=2.0)]
_Prompt = str | Sequence[str] | Sequence[int] | Sequence[Sequence[int]]


@with_config(_CLOSED)
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


@with_config(_CLOSED)
class CompletionCreateParams(CompletionCreateArgs, total=False):
    """Every wire parameter of a text completion, ``stream`` included."""

    stream: bool | None


@with_config(_CLOSED)
class EmbeddingCreateParams(TypedDict, total=False):
    """Every wire parameter of an embeddings call."""

    input: Required[
        Annotated[str, Field(min_length=1)] | Sequence[str] | Sequence[int] | Sequence[Sequence[int]]
    ]
    model: Required[Annotated[str, Field(min_length=1)]]
    dimensions: Annotated[int, Field(ge=1)]
    encoding_format: Literal["float", "base64"]
    user: str
