"""Why a response failed (``response.error`` when ``status == "failed"``)."""

from __future__ import annotations

from gptkit.types._base import APIObject

__all__ = ["Misalignment", "MisalignmentSteer", "ResponseError"]


class MisalignmentSteer(APIObject):
    """The message steering the model back on task."""

    message: str = ""


class Misalignment(APIObject):
    """Why the response was stopped as possibly unintended (``error_type``), and for whom to review."""

    detailed_explanation: str | None = None
    error_type: str | None = None
    review_target: str | None = None
    steer: MisalignmentSteer | None = None


class ResponseError(APIObject):
    """The error of a failed response: ``code`` (``server_error``, ``rate_limit_exceeded``,
    ``invalid_prompt``, ``invalid_image``, ...) and a human-readable ``message``."""

    code: str = ""
    message: str = ""
    misalignment: Misalignment | None = None
    param: str | None = None
    type: str | None = None
