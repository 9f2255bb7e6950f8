"""``ResponseFormatText``: answer in plain text (the default)."""

from __future__ import annotations

from gptkit.types._base import APIObject

__all__ = ["ResponseFormatText"]


class ResponseFormatText(APIObject):
    """The plain-text response format."""

    type: str = "text"
