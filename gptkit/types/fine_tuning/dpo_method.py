"""The direct preference optimisation (DPO) fine-tuning method."""

from __future__ import annotations

from gptkit.types._base import APIObject
from gptkit.types.fine_tuning.dpo_hyperparameters import DpoHyperparameters

__all__ = ["DpoMethod"]


class DpoMethod(APIObject):
    """Its hyperparameters."""

    hyperparameters: DpoHyperparameters | None = None
