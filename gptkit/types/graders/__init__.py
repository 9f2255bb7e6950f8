"""Wire types of the graders (``openai.types.graders``): how fine-tuning (reinforcement) and
``client.fine_tuning.alpha.graders`` score a model's samples."""

from __future__ import annotations

from gptkit.types.graders.grader_inputs import GraderInputs
from gptkit.types.graders.grader_inputs_param import GraderInputsParam
from gptkit.types.graders.label_model_grader import LabelModelGrader
from gptkit.types.graders.label_model_grader_param import LabelModelGraderParam
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

__all__ = [
    "GraderInputs",
    "GraderInputsParam",
    "LabelModelGrader",
    "LabelModelGraderParam",
    "MultiGrader",
    "MultiGraderParam",
    "PythonGrader",
    "PythonGraderParam",
    "ScoreModelGrader",
    "ScoreModelGraderParam",
    "StringCheckGrader",
    "StringCheckGraderParam",
    "TextSimilarityGrader",
    "TextSimilarityGraderParam",
]
