"""Hyperparameters of supervised fine-tuning."""

from __future__ import annotations

from gptkit.types._base import APIObject

__all__ = ["SupervisedHyperparameters"]


class SupervisedHyperparameters(APIObject):
    """``"auto"`` or a number for each."""

    batch_size: str | int | None = None
    learning_rate_multiplier: str | float | None = None
    n_epochs: str | int | None = None
