"""A grader comparing its rendered ``input`` with ``reference`` (``eq``, ``ne``, ``like``, ``ilike``)."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject

__all__ = ["StringCheckGrader"]


class StringCheckGrader(APIObject):
    """Scores 1 when the comparison holds, else 0 (``like``: contains; ``ilike``: ignoring case)."""

    input: str
    name: str
    operation: str
    reference: str
    type: Literal["string_check"] = "string_check"
