"""A checkpoint of a fine-tuning job: a model snapshot taken at a step, with its metrics."""

from __future__ import annotations

from gptkit.types._base import APIObject, ResponseObject

__all__ = ["FineTuningJobCheckpoint", "Metrics"]


class Metrics(APIObject):
    """Training and validation figures at the checkpoint's step."""

    full_valid_loss: float | None = None
    full_valid_mean_token_accuracy: float | None = None
    step: float | None = None
    train_loss: float | None = None
    train_mean_token_accuracy: float | None = None
    valid_loss: float | None = None
    valid_mean_token_accuracy: float | None = None


class FineTuningJobCheckpoint(ResponseObject):
    """A model snapshot (``fine_tuned_model_checkpoint`` can be used like a model name)."""

    id: str
    created_at: int | None = None
    fine_tuned_model_checkpoint: str | None = None
    fine_tuning_job_id: str | None = None
    metrics: Metrics | None = None
    object: str = "fine_tuning.job.checkpoint"
    step_number: int | None = None
