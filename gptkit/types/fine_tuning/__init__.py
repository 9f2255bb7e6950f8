"""Wire types of ``client.fine_tuning``: jobs, their events and checkpoints."""

from __future__ import annotations

from gptkit.types.fine_tuning.dpo_hyperparameters import DpoHyperparameters
from gptkit.types.fine_tuning.dpo_method import DpoMethod
from gptkit.types.fine_tuning.fine_tuning_job import FineTuningJob
from gptkit.types.fine_tuning.fine_tuning_job_event import FineTuningJobEvent
from gptkit.types.fine_tuning.fine_tuning_job_integration import FineTuningJobIntegration
from gptkit.types.fine_tuning.fine_tuning_job_wandb_integration import FineTuningJobWandbIntegration
from gptkit.types.fine_tuning.fine_tuning_job_wandb_integration_object import (
    FineTuningJobWandbIntegrationObject,
)
from gptkit.types.fine_tuning.job_create_params import (
    DpoHyperparametersParam,
    DpoMethodParam,
    JobCreateParams,
    ReinforcementHyperparametersParam,
    ReinforcementMethodParam,
    SupervisedHyperparametersParam,
    SupervisedMethodParam,
)
from gptkit.types.fine_tuning.job_list_events_params import JobListEventsParams
from gptkit.types.fine_tuning.job_list_params import JobListParams
from gptkit.types.fine_tuning.reinforcement_hyperparameters import ReinforcementHyperparameters
from gptkit.types.fine_tuning.reinforcement_method import ReinforcementMethod
from gptkit.types.fine_tuning.supervised_hyperparameters import SupervisedHyperparameters
from gptkit.types.fine_tuning.supervised_method import SupervisedMethod

__all__ = [
    "DpoHyperparameters",
    "DpoHyperparametersParam",
    "DpoMethod",
    "DpoMethodParam",
    "FineTuningJob",
    "FineTuningJobEvent",
    "FineTuningJobIntegration",
    "FineTuningJobWandbIntegration",
    "FineTuningJobWandbIntegrationObject",
    "JobCreateParams",
    "JobListEventsParams",
    "JobListParams",
    "ReinforcementHyperparameters",
    "ReinforcementHyperparametersParam",
    "ReinforcementMethod",
    "ReinforcementMethodParam",
    "SupervisedHyperparameters",
    "SupervisedHyperparametersParam",
    "SupervisedMethod",
    "SupervisedMethodParam",
]
