"""The parameters of ``fine_tuning.alpha.graders.run``."""

from __future__ import annotations

from typing import TypeAlias

from typing_extensions import Required, TypedDict

from gptkit.types.fine_tuning.alpha._grader_union import GraderParam

__all__ = ["Grader", "GraderRunParams"]

Grader: TypeAlias = GraderParam


class GraderRunParams(TypedDict, total=False):
    """``grader`` scores ``model_sample`` (the ``sample`` namespace of its templates; JSON fills
    ``output_json``), with ``item`` as the ``item`` namespace."""

    grader: Required[Grader]
    model_sample: Required[str]
    item: object
