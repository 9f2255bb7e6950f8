"""``MultiGrader`` as a request parameter."""

from __future__ import annotations

from typing import Literal, TypeAlias, Union

from typing_extensions import Required, TypedDict

from gptkit.types.graders.label_model_grader_param import LabelModelGraderParam
from gptkit.types.graders.python_grader_param import PythonGraderParam
from gptkit.types.graders.score_model_grader_param import ScoreModelGraderParam
from gptkit.types.graders.string_check_grader_param import StringCheckGraderParam
from gptkit.types.graders.text_similarity_grader_param import TextSimilarityGraderParam

__all__ = ["Graders", "MultiGraderParam"]

Graders: TypeAlias = Union[  # noqa: UP007 (a runtime alias on 3.10)
    StringCheckGraderParam, TextSimilarityGraderParam, PythonGraderParam, ScoreModelGraderParam,
    LabelModelGraderParam,
]


class MultiGraderParam(TypedDict, total=False):
    """``{"type": "multi", "name", "graders", "calculate_output"}``."""

    calculate_output: Required[str]
    graders: Required[Graders]
    name: Required[str]
    type: Required[Literal["multi"]]
