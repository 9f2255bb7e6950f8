"""``LabelModelGrader`` as a request parameter."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Literal

from typing_extensions import Required, TypedDict

from gptkit.types.graders.score_model_grader_param import (
    Input,
    InputContent,
    InputContentInputImage,
    InputContentOutputText,
)

__all__ = [
    "Input",
    "InputContent",
    "InputContentInputImage",
    "InputContentOutputText",
    "LabelModelGraderParam",
]


class LabelModelGraderParam(TypedDict, total=False):
    """``{"type": "label_model", "name", "model", "input", "labels", "passing_labels"}``."""

    input: Required[Iterable[Input]]
    labels: Required[Sequence[str]]
    model: Required[str]
    name: Required[str]
    passing_labels: Required[Sequence[str]]
    type: Required[Literal["label_model"]]
