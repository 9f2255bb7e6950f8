"""The reinforcement method as a parameter (at the official path); ``Grader``: the graders it
takes (``gptkit.types.graders``)."""

from __future__ import annotations

from typing import TypeAlias

from gptkit.types.fine_tuning.alpha._grader_union import GraderParam
from gptkit.types.fine_tuning.job_create_params import ReinforcementMethodParam

__all__ = ["Grader", "ReinforcementMethodParam"]

Grader: TypeAlias = GraderParam
