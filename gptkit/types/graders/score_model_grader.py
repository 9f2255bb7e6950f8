"""A grader asking a model for a numeric score (within ``range``) of each sample."""

from __future__ import annotations

from typing import Annotated, Literal, TypeAlias

from pydantic import Tag

from gptkit.types._base import APIObject
from gptkit.types.graders.grader_inputs import (
    GraderInputItemInputImage,
    GraderInputItemOutputText,
    GraderInputs,
)
from gptkit.types.responses._tagged import UNKNOWN, by_type
from gptkit.types.responses.response_input_content import ResponseInputAudio, ResponseInputText

__all__ = [
    "Input",
    "InputContent",
    "InputContentInputImage",
    "InputContentOutputText",
    "SamplingParams",
    "ScoreModelGrader",
]


# The official package names the same parts anew in each grader's module: so does gptkit
# (the class name is what prints), without writing their fields twice.
class InputContentOutputText(GraderInputItemOutputText):
    """Text written as the model's output."""


class InputContentInputImage(GraderInputItemInputImage):
    """An image by URL; ``detail`` is ``high``, ``low`` or ``auto``."""


_PART = (
    Annotated[ResponseInputText, Tag("input_text")]
    | Annotated[InputContentOutputText, Tag("output_text")]
    | Annotated[InputContentInputImage, Tag("input_image")]
    | Annotated[ResponseInputAudio, Tag("input_audio")]
    | Annotated[APIObject, Tag(UNKNOWN)]
)
#: A message's content: a string, one part (by ``type``), or a list of parts.
InputContent: TypeAlias = str | Annotated[_PART, by_type(_PART)] | GraderInputs


class Input(APIObject):
    """A message to the grading model; ``role``: ``user``, ``assistant``, ``system`` or ``developer``."""

    content: InputContent
    role: str
    type: Literal["message"] | None = None


class SamplingParams(APIObject):
    """How the grading model samples."""

    max_completions_tokens: int | None = None
    reasoning_effort: str | None = None
    seed: int | None = None
    temperature: float | None = None
    top_p: float | None = None


class ScoreModelGrader(APIObject):
    """``input``: the messages (template strings allowed); ``range``: the scores' bounds."""

    input: list[Input]
    model: str
    name: str
    type: Literal["score_model"] = "score_model"
    range: list[float] | None = None
    sampling_params: SamplingParams | None = None
