"""The reinforcement fine-tuning method: a grader and hyperparameters."""

from __future__ import annotations

from typing import Any

from gptkit.types._base import APIObject
from gptkit.types.fine_tuning.reinforcement_hyperparameters import ReinforcementHyperparameters

__all__ = ["ReinforcementMethod"]


class ReinforcementMethod(APIObject):
    """The grader that scores the model's answers (kept as the server sent it) and hyperparameters."""

    grader: dict[str, Any] | None = None
    hyperparameters: ReinforcementHyperparameters | None = None
