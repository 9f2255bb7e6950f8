"""The parameters of ``fine_tuning.jobs.create``."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Annotated, Any, Literal

from pydantic import ConfigDict, Field, with_config
from typing_extensions import Required, TypedDict

__all__ = [
    "DpoHyperparametersParam",
    "DpoMethodParam",
    "Hyperparameters",
    "Integration",
    "IntegrationWandb",
    "JobCreateParams",
    "Method",
    "ReinforcementHyperparametersParam",
    "ReinforcementMethodParam",
    "SupervisedHyperparametersParam",
    "SupervisedMethodParam",
]

_Auto = Literal["auto"]


class Hyperparameters(TypedDict, total=False):
    """``"auto"`` or a positive number for each."""

    batch_size: _Auto | Annotated[int, Field(ge=1)]
    learning_rate_multiplier: _Auto | Annotated[float, Field(gt=0)]
    n_epochs: _Auto | Annotated[int, Field(ge=1)]


SupervisedHyperparametersParam = Hyperparameters


class DpoHyperparametersParam(Hyperparameters, total=False):
    """The supervised hyperparameters plus ``beta``."""

    beta: _Auto | Annotated[float, Field(gt=0)]


class ReinforcementHyperparametersParam(Hyperparameters, total=False):
    """The supervised hyperparameters plus the evaluation and compute settings."""

    compute_multiplier: _Auto | float
    eval_interval: _Auto | int
    eval_samples: _Auto | int
    reasoning_effort: str


class SupervisedMethodParam(TypedDict, total=False):
    """The supervised method's settings."""

    hyperparameters: Hyperparameters


class DpoMethodParam(TypedDict, total=False):
    """The DPO method's settings."""

    hyperparameters: DpoHyperparametersParam


class ReinforcementMethodParam(TypedDict, total=False):
    """The reinforcement method's grader (as the API describes it) and settings."""

    grader: Required[Mapping[str, Any]]
    hyperparameters: ReinforcementHyperparametersParam


class Method(TypedDict, total=False):
    """How to fine-tune: ``type`` and that type's settings."""

    type: Required[Literal["supervised", "dpo", "reinforcement"]]
    dpo: DpoMethodParam
    reinforcement: ReinforcementMethodParam
    supervised: SupervisedMethodParam


class IntegrationWandb(TypedDict, total=False):
    """Where to send the job's metrics in Weights and Biases."""

    project: Required[str]
    entity: str | None
    name: str | None
    tags: Sequence[str]


class Integration(TypedDict, total=False):
    """An integration to enable for the job."""

    type: Required[Literal["wandb"]]
    wandb: Required[IntegrationWandb]


@with_config(ConfigDict(extra="forbid"))
class JobCreateParams(TypedDict, total=False):
    """The parameters of ``fine_tuning.jobs.create``."""

    model: Required[Annotated[str, Field(min_length=1)]]
    training_file: Required[Annotated[str, Field(min_length=1)]]
    hyperparameters: Hyperparameters
    integrations: Iterable[Integration] | None
    metadata: Mapping[str, str] | None
    method: Method
    seed: Annotated[int, Field(ge=0, le=2_147_483_647)] | None
    suffix: Annotated[str, Field(min_length=1, max_length=64)] | None
    validation_file: str | None
