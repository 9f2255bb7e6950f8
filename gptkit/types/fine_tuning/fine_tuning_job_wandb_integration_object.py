"""One integration of a fine-tuning job (Weights and Biases)."""

from __future__ import annotations

from gptkit.types._base import APIObject
from gptkit.types.fine_tuning.fine_tuning_job_wandb_integration import FineTuningJobWandbIntegration

__all__ = ["FineTuningJobWandbIntegrationObject"]


class FineTuningJobWandbIntegrationObject(APIObject):
    """``type`` (``"wandb"``) and its settings."""

    type: str = "wandb"
    wandb: FineTuningJobWandbIntegration | None = None
