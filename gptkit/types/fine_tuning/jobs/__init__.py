"""Wire types of ``client.fine_tuning.jobs.checkpoints``."""

from __future__ import annotations

from gptkit.types.fine_tuning.jobs.checkpoint_list_params import CheckpointListParams
from gptkit.types.fine_tuning.jobs.fine_tuning_job_checkpoint import FineTuningJobCheckpoint

__all__ = ["CheckpointListParams", "FineTuningJobCheckpoint"]
