"""``FileSearchTool``: search in the caller's vector stores, as a response lists its tools."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject
from gptkit.types.shared.comparison_filter import ComparisonFilter
from gptkit.types.shared.compound_filter import CompoundFilter

__all__ = ["FileSearchTool", "RankingOptions", "RankingOptionsHybridSearch"]


class RankingOptionsHybridSearch(APIObject):
    """How semantic and keyword matches weigh in hybrid search."""

    embedding_weight: float = 0
    text_weight: float = 0


class RankingOptions(APIObject):
    """How search results are ranked, and the score a result needs."""

    hybrid_search: RankingOptionsHybridSearch | None = None
    ranker: str | None = None
    score_threshold: float | None = None


class FileSearchTool(APIObject):
    """Search in the vector stores ``vector_store_ids``."""

    type: Literal["file_search"] = "file_search"
    vector_store_ids: list[str] = []
    filters: ComparisonFilter | CompoundFilter | None = None
    max_num_results: int | None = None
    ranking_options: RankingOptions | None = None
