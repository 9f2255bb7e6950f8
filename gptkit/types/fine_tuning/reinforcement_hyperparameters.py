"""Hyperparameters of reinforcement fine-tuning."""

from __future__ import annotations

from gptkit.types.fine_tuning.supervised_hyperparameters import SupervisedHyperparameters

__all__ = ["ReinforcementHyperparameters"]


class ReinforcementHyperparameters(SupervisedHyperparameters):
    """The supervised ones plus the evaluation and compute settings."""

    compute_multiplier: str | float | None = None
    eval_interval: str | int | None = None
    eval_samples: str | int | None = None
    reasoning_effort: str | None = None
