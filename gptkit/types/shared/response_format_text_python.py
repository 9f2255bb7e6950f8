"""``ResponseFormatTextPython``: answer with Python source code."""

from __future__ import annotations

from gptkit.types._base import APIObject

__all__ = ["ResponseFormatTextPython"]


class ResponseFormatTextPython(APIObject):
    """The Python-code response format."""

    type: str = "python"
