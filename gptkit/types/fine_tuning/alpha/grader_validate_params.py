"""The parameters of ``fine_tuning.alpha.graders.validate``."""

from __future__ import annotations

from typing import TypeAlias

from typing_extensions import Required, TypedDict

from gptkit.types.fine_tuning.alpha._grader_union import GraderParam

__all__ = ["Grader", "GraderValidateParams"]

Grader: TypeAlias = GraderParam


class GraderValidateParams(TypedDict, total=False):
    """The grader to check."""

    grader: Required[Grader]
