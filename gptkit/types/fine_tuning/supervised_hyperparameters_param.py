"""The supervised method's hyperparameters as a parameter (at the official path)."""

from __future__ import annotations

from gptkit.types.fine_tuning.job_create_params import SupervisedHyperparametersParam

__all__ = ["SupervisedHyperparametersParam"]
