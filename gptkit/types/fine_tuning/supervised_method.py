"""The supervised fine-tuning method."""

from __future__ import annotations

from gptkit.types._base import APIObject
from gptkit.types.fine_tuning.supervised_hyperparameters import SupervisedHyperparameters

__all__ = ["SupervisedMethod"]


class SupervisedMethod(APIObject):
    """Its hyperparameters."""

    hyperparameters: SupervisedHyperparameters | None = None
