"""The reinforcement fine-tuning method: a grader and hyperparameters."""

from __future__ import annotations

from gptkit.types._base import APIObject
from gptkit.types.fine_tuning.alpha._grader_union import Grader
from gptkit.types.fine_tuning.reinforcement_hyperparameters import ReinforcementHyperparameters

__all__ = ["Grader", "ReinforcementMethod"]


class ReinforcementMethod(APIObject):
    """The grader that scores the model's answers (``gptkit.types.graders``) and hyperparameters."""

    grader: Grader | None = None
    hyperparameters: ReinforcementHyperparameters | None = None
