"""A fine-tuning job: its status, files, hyperparameters and resulting model."""

from __future__ import annotations

from gptkit.types._base import APIObject, ResponseObject
from gptkit.types.fine_tuning.dpo_method import DpoMethod
from gptkit.types.fine_tuning.fine_tuning_job_wandb_integration_object import (
    FineTuningJobWandbIntegrationObject,
)
from gptkit.types.fine_tuning.reinforcement_method import ReinforcementMethod
from gptkit.types.fine_tuning.supervised_method import SupervisedMethod

__all__ = ["FINE_TUNING_TERMINAL_STATUSES", "Error", "FineTuningJob", "Hyperparameters", "Method"]

#: Statuses after which a job never changes again.
FINE_TUNING_TERMINAL_STATUSES = frozenset({"succeeded", "failed", "cancelled"})


class Error(APIObject):
    """Why a job failed."""

    code: str | None = None
    message: str | None = None
    param: str | None = None


class Hyperparameters(APIObject):
    """``"auto"`` or a number for each (the supervised method's, at the job's top level)."""

    batch_size: str | int | None = None
    learning_rate_multiplier: str | float | None = None
    n_epochs: str | int | None = None


class Method(APIObject):
    """How the model is fine-tuned: ``supervised``, ``dpo`` or ``reinforcement``."""

    type: str | None = None
    dpo: DpoMethod | None = None
    reinforcement: ReinforcementMethod | None = None
    supervised: SupervisedMethod | None = None


class FineTuningJob(ResponseObject):
    """A fine-tuning job.

    ``status`` is one of ``validating_files``, ``queued``, ``running``, ``succeeded``,
    ``failed``, ``cancelled`` (or ``paused``), kept as a plain string so a new one never breaks
    parsing; ``fine_tuned_model`` names the model once the job has succeeded.
    """

    id: str
    created_at: int | None = None
    error: Error | None = None
    fine_tuned_model: str | None = None
    finished_at: int | None = None
    hyperparameters: Hyperparameters | None = None
    model: str | None = None
    object: str = "fine_tuning.job"
    organization_id: str | None = None
    result_files: list[str] = []
    seed: int | None = None
    status: str = "validating_files"
    trained_tokens: int | None = None
    training_file: str | None = None
    validation_file: str | None = None
    estimated_finish: int | None = None
    integrations: list[FineTuningJobWandbIntegrationObject] | None = None
    metadata: dict[str, str] | None = None
    method: Method | None = None

    @property
    def is_done(self) -> bool:
        """True once the job can no longer change (succeeded, failed or cancelled)."""
        return self.status in FINE_TUNING_TERMINAL_STATUSES
