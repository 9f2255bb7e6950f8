"""What ``fine_tuning.alpha.graders.validate`` answers: the grader, as the API understood it."""

from __future__ import annotations

from gptkit.types._base import ResponseObject
from gptkit.types.fine_tuning.alpha._grader_union import Grader

__all__ = ["Grader", "GraderValidateResponse"]


class GraderValidateResponse(ResponseObject):
    """The validated grader."""

    grader: Grader | None = None
