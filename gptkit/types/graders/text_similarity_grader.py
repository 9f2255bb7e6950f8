"""A grader scoring how close its rendered ``input`` is to ``reference`` by a text metric."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject

__all__ = ["TextSimilarityGrader"]


class TextSimilarityGrader(APIObject):
    """``evaluation_metric``: ``cosine``, ``fuzzy_match``, ``bleu``, ``gleu``, ``meteor``,
    ``rouge_1`` ... ``rouge_5`` or ``rouge_l``."""

    evaluation_metric: str
    input: str
    name: str
    reference: str
    type: Literal["text_similarity"] = "text_similarity"
