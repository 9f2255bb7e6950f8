"""Hyperparameters of reinforcement fine-tuning."""

from __future__ import annotations

from gptkit.types._base import APIObject

__all__ = ["ReinforcementHyperparameters"]


class ReinforcementHyperparameters(APIObject):
    """The supervised ones plus the evaluation and compute settings.

    Spelled out, not inherited, so the fields print in the official order."""

    batch_size: str | int | None = None
    compute_multiplier: str | float | None = None
    eval_interval: str | int | None = None
    eval_samples: str | int | None = None
    learning_rate_multiplier: str | float | None = None
    n_epochs: str | int | None = None
    reasoning_effort: str | None = None
