"""A grader running Python ``source`` (its ``grade(sample, item)`` function) on the server."""

from __future__ import annotations

from typing import Literal

from gptkit.types._base import APIObject

__all__ = ["PythonGrader"]


class PythonGrader(APIObject):
    """``image_tag``: the image the code runs in."""

    name: str
    source: str
    type: Literal["python"] = "python"
    image_tag: str | None = None
