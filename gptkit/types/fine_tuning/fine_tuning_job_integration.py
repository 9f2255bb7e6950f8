"""The integrations a fine-tuning job reports to."""

from __future__ import annotations

from gptkit.types.fine_tuning.fine_tuning_job_wandb_integration_object import (
    FineTuningJobWandbIntegrationObject,
)

__all__ = ["FineTuningJobIntegration"]

FineTuningJobIntegration = FineTuningJobWandbIntegrationObject
