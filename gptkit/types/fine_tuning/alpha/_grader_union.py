"""The graders ``fine_tuning.alpha.graders`` and reinforcement fine-tuning take, by ``type``."""

from __future__ import annotations

from typing import Annotated, TypeAlias, Union

from pydantic import Tag

from gptkit.types._base import APIObject
from gptkit.types.graders.multi_grader import MultiGrader
from gptkit.types.graders.multi_grader_param import MultiGraderParam
from gptkit.types.graders.python_grader import PythonGrader
from gptkit.types.graders.python_grader_param import PythonGraderParam
from gptkit.types.graders.score_model_grader import ScoreModelGrader
from gptkit.types.graders.score_model_grader_param import ScoreModelGraderParam
from gptkit.types.graders.string_check_grader import StringCheckGrader
from gptkit.types.graders.string_check_grader_param import StringCheckGraderParam
from gptkit.types.graders.text_similarity_grader import TextSimilarityGrader
from gptkit.types.graders.text_similarity_grader_param import TextSimilarityGraderParam
from gptkit.types.responses._tagged import UNKNOWN, by_type

__all__ = ["Grader", "GraderParam"]

_GRADER = (
    Annotated[StringCheckGrader, Tag("string_check")]
    | Annotated[TextSimilarityGrader, Tag("text_similarity")]
    | Annotated[PythonGrader, Tag("python")]
    | Annotated[ScoreModelGrader, Tag("score_model")]
    | Annotated[MultiGrader, Tag("multi")]
    | Annotated[APIObject, Tag(UNKNOWN)]
)
#: A grader as the API sends it back, by ``type`` (an unknown kind keeps its fields).
Grader: TypeAlias = Annotated[_GRADER, by_type(_GRADER)]
#: A grader as a request parameter.
GraderParam: TypeAlias = Union[  # noqa: UP007 (a runtime alias on 3.10)
    StringCheckGraderParam, TextSimilarityGraderParam, PythonGraderParam, ScoreModelGraderParam,
    MultiGraderParam,
]
