"""The parameters of ``vector_stores.create``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Annotated, Literal

from pydantic import ConfigDict, Field, with_config
from typing_extensions import Required, TypedDict

from gptkit.types.file_chunking_strategy_param import FileChunkingStrategyParam

__all__ = ["ExpiresAfter", "VectorStoreCreateParams"]


class ExpiresAfter(TypedDict, total=False):
    """Expire the store ``days`` (1 to 365) after it was last active."""

    anchor: Required[Literal["last_active_at"]]
    days: Required[Annotated[int, Field(ge=1, le=365)]]


@with_config(ConfigDict(extra="forbid"))
class VectorStoreCreateParams(TypedDict, total=False):
    """The parameters of ``vector_stores.create``."""

    chunking_strategy: FileChunkingStrategyParam
    description: str
    expires_after: ExpiresAfter
    file_ids: Sequence[str]
    metadata: Mapping[str, str] | None
    name: str
