"""What ``fine_tuning.alpha.graders.run`` answers: the reward and how it was reached."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from gptkit.types._base import APIObject, ResponseObject

__all__ = ["GraderRunResponse", "Metadata", "MetadataErrors"]


class MetadataErrors(APIObject):
    """Which kind of error, if any, stopped the grader (the ``*_details`` say more)."""

    formula_parse_error: bool = False
    invalid_variable_error: bool = False
    # The API's ``model_grader_*`` names, spelled ``api_model_grader_*`` as the official package does.
    api_model_grader_parse_error: bool = Field(default=False, alias="model_grader_parse_error")
    api_model_grader_refusal_error: bool = Field(default=False, alias="model_grader_refusal_error")
    api_model_grader_server_error: bool = Field(default=False, alias="model_grader_server_error")
    api_model_grader_server_error_details: str | None = Field(default=None,
                                                              alias="model_grader_server_error_details")
    other_error: bool = False
    python_grader_runtime_error: bool = False
    python_grader_runtime_error_details: str | None = None
    python_grader_server_error: bool = False
    python_grader_server_error_type: str | None = None
    sample_parse_error: bool = False
    truncated_observation_error: bool = False
    unresponsive_reward_error: bool = False


class Metadata(APIObject):
    """The grader's name and type, its scores, time and tokens."""

    errors: MetadataErrors
    execution_time: float
    name: str
    sampled_model_name: str | None = None
    scores: dict[str, object]
    token_usage: int | None = None
    type: str


class GraderRunResponse(ResponseObject):
    """``reward``: the grader's score of the sample; ``sub_rewards``: a multi grader's parts."""

    metadata: Metadata
    api_model_grader_token_usage_per_model: dict[str, Any] = Field(alias="model_grader_token_usage_per_model")
    reward: float
    sub_rewards: dict[str, Any]
