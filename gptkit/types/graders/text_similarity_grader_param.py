"""``TextSimilarityGrader`` as a request parameter."""

from __future__ import annotations

from typing import Literal

from typing_extensions import Required, TypedDict

__all__ = ["TextSimilarityGraderParam"]

_Metric = Literal["cosine", "fuzzy_match", "bleu", "gleu", "meteor", "rouge_1", "rouge_2", "rouge_3",
                  "rouge_4", "rouge_5", "rouge_l"]


class TextSimilarityGraderParam(TypedDict, total=False):
    """``{"type": "text_similarity", "name", "input", "reference", "evaluation_metric"}``."""

    evaluation_metric: Required[_Metric]
    input: Required[str]
    name: Required[str]
    reference: Required[str]
    type: Required[Literal["text_similarity"]]
