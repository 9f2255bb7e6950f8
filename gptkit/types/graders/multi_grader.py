"""A grader combining the scores of several graders with a formula (``calculate_output``)."""

from __future__ import annotations

from typing import Annotated, Literal, TypeAlias

from pydantic import Tag

from gptkit.types._base import APIObject
from gptkit.types.graders.label_model_grader import LabelModelGrader
from gptkit.types.graders.python_grader import PythonGrader
from gptkit.types.graders.score_model_grader import ScoreModelGrader
from gptkit.types.graders.string_check_grader import StringCheckGrader
from gptkit.types.graders.text_similarity_grader import TextSimilarityGrader
from gptkit.types.responses._tagged import UNKNOWN, by_type

__all__ = ["Graders", "MultiGrader"]

_GRADERS = (
    Annotated[StringCheckGrader, Tag("string_check")]
    | Annotated[TextSimilarityGrader, Tag("text_similarity")]
    | Annotated[PythonGrader, Tag("python")]
    | Annotated[ScoreModelGrader, Tag("score_model")]
    | Annotated[LabelModelGrader, Tag("label_model")]
    | Annotated[APIObject, Tag(UNKNOWN)]
)
#: A grader a multi grader combines, by ``type`` (an unknown kind keeps its fields).
Graders: TypeAlias = Annotated[_GRADERS, by_type(_GRADERS)]


class MultiGrader(APIObject):
    """``calculate_output``: the formula over the graders' scores, by name."""

    calculate_output: str
    graders: Graders
    name: str
    type: Literal["multi"] = "multi"
