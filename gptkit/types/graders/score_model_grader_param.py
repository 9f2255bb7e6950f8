"""``ScoreModelGrader`` as a request parameter."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal, TypeAlias, Union

from typing_extensions import Required, TypedDict

from gptkit.types.graders.grader_inputs_param import (
    GraderInputsParam,
    GraderInputsParamItemInputImage,
    GraderInputsParamItemOutputText,
)
from gptkit.types.responses.response_input_content_param import (
    ResponseInputAudioParam,
    ResponseInputTextParam,
)
from gptkit.types.shared.reasoning_effort import ReasoningEffort

__all__ = [
    "Input",
    "InputContent",
    "InputContentInputImage",
    "InputContentOutputText",
    "SamplingParams",
    "ScoreModelGraderParam",
]


class InputContentOutputText(GraderInputsParamItemOutputText):
    """``{"type": "output_text", "text": ...}``."""


class InputContentInputImage(GraderInputsParamItemInputImage):
    """``{"type": "input_image", "image_url": ...}``."""


InputContent: TypeAlias = Union[  # noqa: UP007 (a runtime alias on 3.10)
    str, ResponseInputTextParam, InputContentOutputText, InputContentInputImage, ResponseInputAudioParam,
    GraderInputsParam,
]


class Input(TypedDict, total=False):
    """A message to the grading model (template strings allowed in its content)."""

    content: Required[InputContent]
    role: Required[Literal["user", "assistant", "system", "developer"]]
    type: Literal["message"]


class SamplingParams(TypedDict, total=False):
    """How the grading model samples."""

    max_completions_tokens: int | None
    reasoning_effort: ReasoningEffort | None
    seed: int | None
    temperature: float | None
    top_p: float | None


class ScoreModelGraderParam(TypedDict, total=False):
    """``{"type": "score_model", "name", "model", "input", "range"?, "sampling_params"?}``."""

    input: Required[Iterable[Input]]
    model: Required[str]
    name: Required[str]
    type: Required[Literal["score_model"]]
    range: Iterable[float]
    sampling_params: SamplingParams
