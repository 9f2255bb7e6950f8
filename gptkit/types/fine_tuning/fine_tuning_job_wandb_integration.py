"""The Weights and Biases settings of a fine-tuning job's integration."""

from __future__ import annotations

from gptkit.types._base import APIObject

__all__ = ["FineTuningJobWandbIntegration"]


class FineTuningJobWandbIntegration(APIObject):
    """Where the job's metrics go in Weights and Biases."""

    project: str | None = None
    entity: str | None = None
    name: str | None = None
    tags: list[str] | None = None
