"""Wire types of ``client.fine_tuning.alpha.graders`` (run and validate a grader)."""

from __future__ import annotations

from gptkit.types.fine_tuning.alpha.grader_run_params import GraderRunParams
from gptkit.types.fine_tuning.alpha.grader_run_response import GraderRunResponse
from gptkit.types.fine_tuning.alpha.grader_validate_params import GraderValidateParams
from gptkit.types.fine_tuning.alpha.grader_validate_response import GraderValidateResponse

__all__ = ["GraderRunParams", "GraderRunResponse", "GraderValidateParams", "GraderValidateResponse"]
