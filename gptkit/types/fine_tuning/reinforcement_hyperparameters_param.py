"""The reinforcement method's hyperparameters as a parameter (at the official path)."""

from __future__ import annotations

from gptkit.types.fine_tuning.job_create_params import ReinforcementHyperparametersParam

__all__ = ["ReinforcementHyperparametersParam"]
