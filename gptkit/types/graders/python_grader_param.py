"""``PythonGrader`` as a request parameter."""

from __future__ import annotations

from typing import Literal

from typing_extensions import Required, TypedDict

__all__ = ["PythonGraderParam"]


class PythonGraderParam(TypedDict, total=False):
    """``{"type": "python", "name", "source"}`` (``source`` defines ``grade(sample, item)``)."""

    name: Required[str]
    source: Required[str]
    type: Required[Literal["python"]]
    image_tag: str
