"""The parameters of ``vector_stores.search``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Annotated, Any

from pydantic import ConfigDict, Field, with_config
from typing_extensions import Required, TypedDict

__all__ = ["Filters", "RankingOptions", "VectorStoreSearchParams"]

#: A comparison (``{"type": "eq", "key": ..., "value": ...}``) or a compound filter of them.
Filters = Mapping[str, Any]


class RankingOptions(TypedDict, total=False):
    """How results are ranked, and the least score a result may have."""

    ranker: str
    score_threshold: Annotated[float, Field(ge=0, le=1)]


@with_config(ConfigDict(extra="forbid"))
class VectorStoreSearchParams(TypedDict, total=False):
    """The parameters of ``vector_stores.search``."""

    query: Required[Annotated[str, Field(min_length=1)] | Annotated[Sequence[str], Field(min_length=1)]]
    filters: Filters
    max_num_results: Annotated[int, Field(ge=1, le=50)]
    ranking_options: RankingOptions
    rewrite_query: bool
