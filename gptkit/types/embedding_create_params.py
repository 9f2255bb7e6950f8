"""The parameters of ``embeddings.create``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Literal

from pydantic import Field, with_config
from typing_extensions import Required, TypedDict

from gptkit.types._base import CLOSED_PARAMS

__all__ = ["EmbeddingCreateParams"]


@with_config(CLOSED_PARAMS)
class EmbeddingCreateParams(TypedDict, total=False):
    """Every wire parameter of an embeddings call."""

    input: Required[
        Annotated[str, Field(min_length=1)] | Sequence[str] | Sequence[int] | Sequence[Sequence[int]]
    ]
    model: Required[Annotated[str, Field(min_length=1)]]
    dimensions: Annotated[int, Field(ge=1)]
    encoding_format: Literal["float", "base64"]
    user: str
