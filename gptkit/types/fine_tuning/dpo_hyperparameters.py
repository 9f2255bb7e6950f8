"""Hyperparameters of direct preference optimisation (DPO) fine-tuning."""

from __future__ import annotations

from gptkit.types._base import APIObject

__all__ = ["DpoHyperparameters"]


class DpoHyperparameters(APIObject):
    """The supervised ones plus ``beta`` (the weight of the penalty between policy and reference).

    Spelled out, not inherited, so the fields print in the official order."""

    batch_size: str | int | None = None
    beta: str | float | None = None
    learning_rate_multiplier: str | float | None = None
    n_epochs: str | int | None = None
