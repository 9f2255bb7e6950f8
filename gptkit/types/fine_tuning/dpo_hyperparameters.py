"""Hyperparameters of direct preference optimisation (DPO) fine-tuning."""

from __future__ import annotations

from gptkit.types.fine_tuning.supervised_hyperparameters import SupervisedHyperparameters

__all__ = ["DpoHyperparameters"]


class DpoHyperparameters(SupervisedHyperparameters):
    """The supervised ones plus ``beta`` (the weight of the penalty between policy and reference)."""

    beta: str | float | None = None
