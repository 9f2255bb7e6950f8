"""A grader asking a model to label each sample; a label in ``passing_labels`` passes."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject
from gptkit.types.graders.score_model_grader import (
    Input,
    InputContent,
    InputContentInputImage,
    InputContentOutputText,
)

__all__ = ["Input", "InputContent", "InputContentInputImage", "InputContentOutputText", "LabelModelGrader"]


class LabelModelGrader(APIObject):
    """``labels``: the labels the model chooses from; ``input``: the messages it reads."""

    input: list[Input]
    labels: list[str]
    model: str
    name: str
    passing_labels: list[str]
    type: Literal["label_model"] = "label_model"
