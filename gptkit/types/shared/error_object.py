"""``ErrorObject``: an error as the API reports it inside an object (a failed batch line...)."""

from __future__ import annotations

from gptkit.types._base import APIObject

__all__ = ["ErrorObject", "Misalignment", "MisalignmentSteer"]


class MisalignmentSteer(APIObject):
    """What the model was steered to say instead."""

    message: str


class Misalignment(APIObject):
    """Why an agent's action was judged misaligned with the user's intent."""

    detailed_explanation: str | None = None
    error_type: str | None = None
    review_target: str | None = None
    steer: MisalignmentSteer | None = None


class ErrorObject(APIObject):
    """An error's code, message, parameter and type."""

    code: str | None = None
    message: str = ""
    param: str | None = None
    type: str = ""
    misalignment: Misalignment | None = None
